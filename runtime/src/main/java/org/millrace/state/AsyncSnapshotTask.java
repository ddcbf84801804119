package org.millrace.state;

import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The asynchronous part of a snapshot as a runnable future, with a clean-up that runs exactly once:
 * after the body if it ran, or on cancellation if it never started (a body cancelled while running
 * cleans up when it ends, so resources stay valid under it). Created on the task thread; run on a
 * snapshot thread; cancelled from any thread.
 */
public final class AsyncSnapshotTask extends FutureTask<KeyedStateHandle> {

    /** Set by whichever comes first: the body starting, or a cancellation before it. */
    private final AtomicBoolean claimed;
    private final Runnable cleanup;

    public AsyncSnapshotTask(Callable<KeyedStateHandle> body, Runnable cleanup) {
        this(body, cleanup, new AtomicBoolean());
    }

    private AsyncSnapshotTask(Callable<KeyedStateHandle> body, Runnable cleanup, AtomicBoolean claimed) {
        super(() -> {
            if (!claimed.compareAndSet(false, true)) {
                throw new IllegalStateException("snapshot cancelled");
            }
            try {
                return body.call();
            } finally {
                cleanup.run();
            }
        });
        this.claimed = claimed;
        this.cleanup = cleanup;
    }

    @Override
    protected void done() {
        if (isCancelled() && claimed.compareAndSet(false, true)) {
            cleanup.run();
        }
    }
}
