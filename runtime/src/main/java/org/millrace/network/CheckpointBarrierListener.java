package org.millrace.network;

import org.millrace.network.api.CheckpointBarrier;

/**
 * What a task does when its inputs have brought a checkpoint's barrier from every channel (or gave
 * up on it). Called on the task's thread from inside {@link NetworkInput#emitNext}, between two
 * records, so the task may snapshot its state and forward the barrier right there.
 */
public interface CheckpointBarrierListener {

    /** Every live channel delivered {@code barrier}: snapshot now and forward it. */
    void onBarrierAligned(CheckpointBarrier barrier) throws Exception;

    /** Checkpoint {@code checkpointId} was overtaken by a newer barrier before all of its arrived. */
    void onAlignmentAborted(long checkpointId, String reason) throws Exception;
}
