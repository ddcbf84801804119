package org.millrace.rpc;

import java.util.concurrent.CompletableFuture;

/** Something that shuts down asynchronously; the future completes when it has. Callable from any thread. */
public interface AutoCloseableAsync {

    /** Starts shutting down (idempotent) and returns the future of its completion. */
    CompletableFuture<Void> closeAsync();
}
