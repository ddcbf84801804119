package org.millrace.network.partition;

/**
 * Told when a subpartition that had nothing for its consumer gets a buffer or an event, or is
 * released. Called on the producing side's thread (the producer task, or whoever releases the
 * partition) without any partition lock held; implementations must be quick and must not block
 * (enqueue the channel, complete a future).
 */
@FunctionalInterface
public interface BufferAvailabilityListener {

    /** {@code view} now has data (or was released); carries the view so that the first notification may precede the request's answer. */
    void notifyDataAvailable(ResultSubpartitionView view);
}
