package org.millrace.network;

/**
 * Exactly-once barrier handling: a channel that delivered the barrier is held back until the
 * barrier came on every other live channel, so the snapshot contains exactly the records before
 * the barrier on every input. Task thread only.
 */
public final class CheckpointBarrierAligner extends CheckpointBarrierHandler {

    CheckpointBarrierAligner(int numberOfChannels, CheckpointBarrierListener listener) {
        super(numberOfChannels, listener);
    }

    @Override
    void onEarlyBarrier(int channel, ChannelControl control) {
        control.blockChannel(channel);
    }

    @Override
    void onAlignmentEnd(ChannelControl control) {
        control.resumeConsumption();
    }
}
