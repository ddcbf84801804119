package org.millrace.task;

/**
 * Where a task's time goes: waiting for input (idle), waiting for a free output buffer
 * (back-pressured), and everything else (busy). Written by the task thread only; read by any
 * thread through {@link #snapshot()}, which also counts a wait still in progress.
 */
public final class TaskIOMetrics {

    private final long startNanos = System.nanoTime();
    /** Completed waits; written by the task thread only. */
    private volatile long idleNanos;
    private volatile long backPressuredNanos;
    /** The start of the wait in progress (0: none) and whether it is for output; task thread writes. */
    private volatile long waitStartNanos;
    private volatile boolean waitingForOutput;

    void startWait(boolean forOutput) {
        waitingForOutput = forOutput;
        waitStartNanos = System.nanoTime();
    }

    void endWait() {
        long started = waitStartNanos;
        waitStartNanos = 0;
        long waited = System.nanoTime() - started;
        if (waitingForOutput) {
            backPressuredNanos += waited;
        } else {
            idleNanos += waited;
        }
    }

    /** Adds back-pressure time measured elsewhere (inside a record writer's wait for a buffer). */
    void addBackPressured(long nanos) {
        if (nanos > 0) {
            backPressuredNanos += nanos;
        }
    }

    public TaskIOSnapshot snapshot() {
        long now = System.nanoTime();
        long idle = idleNanos;
        long backPressured = backPressuredNanos;
        long started = waitStartNanos;
        if (started != 0) {
            if (waitingForOutput) {
                backPressured += now - started;
            } else {
                idle += now - started;
            }
        }
        long wall = now - startNanos;
        return new TaskIOSnapshot(wall, Math.max(0, wall - idle - backPressured), backPressured, idle);
    }
}
