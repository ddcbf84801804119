package org.millrace.state;

import java.io.IOException;

/**
 * Keeps a native or shared resource open while leases on it are held: asynchronous snapshots take
 * a lease, and {@link #closeAndWait()} refuses new leases and waits until the held ones are
 * released. Thread-safe: the task thread and snapshot threads use it.
 */
public final class ResourceGuard {

    private final String name;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private int leases;
    /** Guarded by {@link #lock}. */
    private boolean closed;

    public ResourceGuard(String name) {
        this.name = name;
    }

    /** Takes a lease; release it exactly once. */
    public void acquire() throws IOException {
        synchronized (lock) {
            if (closed) {
                throw new IOException(name + " is closed");
            }
            leases++;
        }
    }

    public void release() {
        synchronized (lock) {
            if (leases <= 0) {
                throw new IllegalStateException("a lease on " + name + " released twice");
            }
            leases--;
            if (leases == 0) {
                lock.notifyAll();
            }
        }
    }

    /**
     * Refuses new leases and waits until all are released. Waits through interrupts (releasing the
     * resource under a running snapshot would crash it) and restores the interrupt flag after.
     */
    public void closeAndWait() {
        boolean interrupted = false;
        synchronized (lock) {
            closed = true;
            while (leases > 0) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
