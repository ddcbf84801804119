package org.millrace.task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The task's mailbox: other threads (timers, the TaskManager, network callbacks) put actions here
 * and the task thread runs them between records, so the task's state stays single-threaded. Also
 * where the task thread sleeps when it has neither input nor mail.
 *
 * <p>Producers: any thread ({@link #put}, {@link #wakeUp}). Consumer: the task thread only.
 */
final class Mailbox {

    private final ConcurrentLinkedQueue<Runnable> mails = new ConcurrentLinkedQueue<>();
    /** Read per record by the task thread, so a plain volatile flag rather than a queue probe. */
    private volatile boolean hasMail;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    /** Set by {@link #wakeUp}; guarded by {@link #lock}. */
    private boolean wakeUpRequested;

    /** Set once by {@link #close()}; guarded by {@link #lock}. */
    private boolean closed;

    /** Queues {@code mail}; after {@link #close()} it is dropped. */
    void put(Runnable mail) {
        tryPut(mail);
    }

    /** Queues {@code mail} unless the mailbox is closed; false if it was not queued. */
    boolean tryPut(Runnable mail) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            mails.add(mail);
        } finally {
            lock.unlock();
        }
        hasMail = true;
        wakeUp();
        return true;
    }

    /** Refuses further mail and returns what was queued and never run; task thread, once the loop has ended. */
    List<Runnable> close() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
        List<Runnable> left = new ArrayList<>();
        Runnable mail;
        while ((mail = mails.poll()) != null) {
            left.add(mail);
        }
        return left;
    }

    boolean hasMail() {
        return hasMail;
    }

    /** Runs every queued mail; task thread only. */
    void runAll() throws Exception {
        // clear the flag before draining so a mail added during the drain sets it again
        hasMail = false;
        Runnable mail;
        while ((mail = mails.poll()) != null) {
            mail.run();
        }
    }

    /** Wakes the task thread if it sleeps in {@link #awaitMailOr}. */
    void wakeUp() {
        lock.lock();
        try {
            wakeUpRequested = true;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sleeps until mail arrives, {@code condition} completes or {@code maxWaitNanos} pass; task
     * thread only.
     */
    void awaitMailOr(CompletableFuture<?> condition, long maxWaitNanos) throws InterruptedException {
        if (hasMail || condition.isDone()) {
            return;
        }
        condition.whenComplete((v, t) -> wakeUp());
        lock.lock();
        try {
            long nanos = maxWaitNanos;
            while (!wakeUpRequested && !hasMail && !condition.isDone() && nanos > 0) {
                nanos = signal.awaitNanos(nanos);
            }
            wakeUpRequested = false;
        } finally {
            lock.unlock();
        }
    }

    /** Convenience for timed waits without a condition. */
    void awaitMail(long timeout, TimeUnit unit) throws InterruptedException {
        awaitMailOr(new CompletableFuture<>(), unit.toNanos(timeout));
    }
}
