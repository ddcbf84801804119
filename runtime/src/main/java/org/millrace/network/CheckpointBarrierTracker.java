package org.millrace.network;

/**
 * At-least-once barrier handling: records keep flowing on every channel while barriers are counted,
 * and the task snapshots when the last one arrives. Records after the barrier on the early channels
 * are in the snapshot and will be replayed after a recovery: duplicates, never losses. Task thread only.
 */
public final class CheckpointBarrierTracker extends CheckpointBarrierHandler {

    CheckpointBarrierTracker(int numberOfChannels, CheckpointBarrierListener listener) {
        super(numberOfChannels, listener);
    }

    @Override
    void onEarlyBarrier(int channel, ChannelControl control) {}

    @Override
    void onAlignmentEnd(ChannelControl control) {}
}
