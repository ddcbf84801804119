package org.millrace.network.partition;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The read view of a {@link PipelinedSubpartition}. Polled by the consumer's thread; notified by
 * the producer's; released by the consumer or anyone cancelling it.
 */
final class PipelinedSubpartitionView implements ResultSubpartitionView {

    private final PipelinedSubpartition subpartition;
    private final BufferAvailabilityListener listener;

    /** Set once by whichever thread releases the view first. */
    private final AtomicBoolean released = new AtomicBoolean();

    PipelinedSubpartitionView(PipelinedSubpartition subpartition, BufferAvailabilityListener listener) {
        this.subpartition = subpartition;
        this.listener = listener;
    }

    void notifyDataAvailable() {
        listener.notifyDataAvailable(this);
    }

    @Override
    public BufferAndBacklog getNextBuffer() {
        return subpartition.pollBuffer();
    }

    @Override
    public void releaseAllResources() {
        if (released.compareAndSet(false, true)) {
            subpartition.onViewReleased();
        }
    }

    @Override
    public boolean isReleased() {
        return released.get() || subpartition.isReleased();
    }

    @Override
    public boolean isNextBufferEvent() {
        return subpartition.isNextBufferEvent();
    }

    @Override
    public Throwable getFailureCause() {
        return subpartition.getFailureCause();
    }

    @Override
    public int unsynchronizedGetNumberOfQueuedBuffers() {
        return subpartition.unsynchronizedGetNumberOfQueuedBuffers();
    }

    @Override
    public String toString() {
        return "View of " + subpartition;
    }
}
