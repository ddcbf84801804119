package org.millrace.network.util;

import java.util.concurrent.CompletableFuture;

/**
 * The "is it available, and if not, tell me when" state shared by buffer pools, input gates and
 * result partitions: a future that is complete while the owner is available and is replaced by a
 * fresh incomplete one when the owner finds itself unavailable.
 *
 * <p>Thread safety: {@link #resetUnavailable()} and {@link #getUnavailableToResetAvailable()} are
 * called under the owner's lock; the owner completes the returned future <em>after</em> releasing
 * that lock, because completion runs the waiter's callbacks on the completing thread.
 * {@link #getAvailableFuture()} and {@link #isAvailable()} are lock-free reads of a volatile field
 * from any thread: a stale answer is at worst "available" when it no longer is, and the caller then
 * finds nothing and asks again, so no wake-up is lost.
 */
public final class AvailabilityHelper {

    /** The shared completed future; waiting on it never accumulates callbacks. */
    public static final CompletableFuture<Void> AVAILABLE = CompletableFuture.completedFuture(null);

    /** Written under the owner's lock, read anywhere. */
    private volatile CompletableFuture<Void> availableFuture = AVAILABLE;

    public CompletableFuture<Void> getAvailableFuture() {
        return availableFuture;
    }

    public boolean isAvailable() {
        return availableFuture.isDone();
    }

    /** Marks the owner unavailable (no-op if it already is). Call under the owner's lock. */
    public void resetUnavailable() {
        if (availableFuture.isDone()) {
            availableFuture = new CompletableFuture<>();
        }
    }

    /**
     * Marks the owner available. Returns the future that waiters hold, which the caller must
     * complete once it has left its lock, or {@code null} if the owner already was available.
     */
    public CompletableFuture<Void> getUnavailableToResetAvailable() {
        CompletableFuture<Void> toComplete = availableFuture;
        if (toComplete.isDone()) {
            return null;
        }
        availableFuture = AVAILABLE;
        return toComplete;
    }

    /** Completes a future returned by {@link #getUnavailableToResetAvailable()}, tolerating null. */
    public static void complete(CompletableFuture<Void> toComplete) {
        if (toComplete != null) {
            toComplete.complete(null);
        }
    }
}
