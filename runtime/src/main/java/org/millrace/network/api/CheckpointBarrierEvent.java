package org.millrace.network.api;

/** A {@link CheckpointBarrier} travelling in a subpartition, in order with the data. Immutable. */
public final class CheckpointBarrierEvent extends RuntimeEvent {

    private final CheckpointBarrier barrier;

    public CheckpointBarrierEvent(CheckpointBarrier barrier) {
        this.barrier = barrier;
    }

    public CheckpointBarrier barrier() {
        return barrier;
    }

    @Override
    public String toString() {
        return barrier.toString();
    }
}
