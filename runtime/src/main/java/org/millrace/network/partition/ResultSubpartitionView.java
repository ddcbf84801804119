package org.millrace.network.partition;

/**
 * A consumer's handle on one subpartition: polls its finished buffers and events in order. Polled
 * by a single consumer thread (the consuming task for local channels; later the Netty thread that
 * serves a remote consumer); {@link #releaseAllResources()} may come from any thread.
 */
public interface ResultSubpartitionView {

    /**
     * The next buffer or event, or null if none is queued. When it returns null and
     * {@link #isReleased()} is true, the producer side released the partition (see
     * {@link #getFailureCause()}).
     */
    BufferAndBacklog getNextBuffer();

    /** Called when the consumer is done (after end-of-partition) or gone; drops queued buffers. Idempotent. */
    void releaseAllResources();

    boolean isReleased();

    /**
     * Whether the next queued element is an event (which a credit-based sender may send without
     * credit); false if nothing is queued. Takes the subpartition's lock: call it only when it matters.
     */
    boolean isNextBufferEvent();

    /** Why the producer side released the partition, if it did. */
    Throwable getFailureCause();

    /** Queued buffers and events, read without the lock: a hint for metrics, unsafe by design. */
    int unsynchronizedGetNumberOfQueuedBuffers();
}
