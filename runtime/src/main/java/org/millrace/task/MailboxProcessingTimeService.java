package org.millrace.task;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.millrace.task.operators.ProcessingTimeService;

/**
 * Timers of one task: a JVM-wide scheduler thread fires them by putting a mail into the task's
 * mailbox, so the callbacks run on the task thread. Every timer is cancelled when the task ends.
 *
 * <p>Registration: task thread. Firing: the scheduler thread (which only enqueues).
 */
final class MailboxProcessingTimeService implements ProcessingTimeService {

    /** Shared by all tasks of the JVM; it only moves mails into mailboxes, never runs user code. */
    static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "millrace-task-timers");
        t.setDaemon(true);
        return t;
    });

    private final Mailbox mailbox;
    private final String ownerName;
    /** Scheduled by the task thread, removed when they fire or at shutdown; concurrent set. */
    private final Set<ScheduledFuture<?>> timers = ConcurrentHashMap.newKeySet();
    private volatile boolean shutDown;

    MailboxProcessingTimeService(Mailbox mailbox, String ownerName) {
        this.mailbox = mailbox;
        this.ownerName = ownerName;
    }

    @Override
    public long getCurrentProcessingTime() {
        return System.currentTimeMillis();
    }

    @Override
    public Cancellable registerTimer(long timestampMillis, ProcessingTimeCallback callback) {
        long delay = Math.max(0, timestampMillis - getCurrentProcessingTime());
        ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
        self[0] = SCHEDULER.schedule(() -> {
            timers.remove(self[0]);
            enqueue(callback, timestampMillis);
        }, delay, TimeUnit.MILLISECONDS);
        return track(self[0]);
    }

    @Override
    public Cancellable scheduleAtFixedRate(ProcessingTimeCallback callback, long initialDelayMillis, long periodMillis) {
        ScheduledFuture<?> f = SCHEDULER.scheduleAtFixedRate(
                () -> enqueue(callback, getCurrentProcessingTime()), initialDelayMillis, periodMillis, TimeUnit.MILLISECONDS);
        return track(f);
    }

    private Cancellable track(ScheduledFuture<?> f) {
        timers.add(f);
        if (shutDown) {
            f.cancel(false);
        }
        return () -> {
            f.cancel(false);
            timers.remove(f);
        };
    }

    private void enqueue(ProcessingTimeCallback callback, long time) {
        if (shutDown) {
            return;
        }
        mailbox.put(() -> {
            try {
                callback.onProcessingTime(time);
            } catch (Exception e) {
                throw ChainedOperatorException.wrap(ownerName, e);
            }
        });
    }

    /** Cancels every timer; mails already queued are dropped with the mailbox. */
    void shutDown() {
        shutDown = true;
        timers.forEach(f -> f.cancel(false));
        timers.clear();
    }
}
