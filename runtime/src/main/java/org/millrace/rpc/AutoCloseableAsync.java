package org.millrace.rpc;

import java.util.concurrent.CompletableFuture;
import org.slf4j.LoggerFactory;

/** Something that shuts down asynchronously; the future completes when it has. Callable from any thread. */
public interface AutoCloseableAsync {

    /** Starts shutting down (idempotent) and returns the future of its completion. */
    CompletableFuture<Void> closeAsync();

    /**
     * Closes {@code component} (nothing if null) and waits until it has stopped; a failure to stop
     * cleanly is logged, not thrown, so a shutdown sequence goes on to the next component.
     */
    static void closeAndWait(AutoCloseableAsync component) {
        if (component == null) {
            return;
        }
        try {
            component.closeAsync().join();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(AutoCloseableAsync.class).warn("{} did not stop cleanly", component, e);
        }
    }
}
