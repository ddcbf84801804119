package org.millrace.network;

import org.millrace.network.api.CheckpointBarrier;

/**
 * Decides, from the barriers arriving on a task's input channels, when the task takes part in a
 * checkpoint: {@link CheckpointBarrierAligner} (exactly-once: channels that delivered the barrier
 * are held back until all have) or {@link CheckpointBarrierTracker} (at-least-once: nothing is held
 * back). One checkpoint is aligned at a time; a barrier of a newer checkpoint aborts an older one.
 * Task thread only.
 */
public abstract sealed class CheckpointBarrierHandler permits CheckpointBarrierAligner, CheckpointBarrierTracker {

    /** Blocks and resumes channels of the input, numbered as {@link NetworkInput} numbers them. */
    interface ChannelControl {
        void blockChannel(int channel);

        void resumeConsumption();
    }

    protected final CheckpointBarrierListener listener;
    private final boolean[] received;
    private int numberOfLiveChannels;
    private int numberOfReceived;
    /** The barrier of the checkpoint being aligned, or null. */
    private CheckpointBarrier pending;
    /** The newest checkpoint this task took part in or gave up; older barriers are stale. */
    private long lastHandledCheckpointId;

    CheckpointBarrierHandler(int numberOfChannels, CheckpointBarrierListener listener) {
        this.listener = listener;
        this.received = new boolean[numberOfChannels];
        this.numberOfLiveChannels = numberOfChannels;
    }

    /** Creates the handler the checkpointing mode asks for. */
    public static CheckpointBarrierHandler create(boolean exactlyOnce, int numberOfChannels, CheckpointBarrierListener listener) {
        return exactlyOnce
                ? new CheckpointBarrierAligner(numberOfChannels, listener)
                : new CheckpointBarrierTracker(numberOfChannels, listener);
    }

    final void processBarrier(CheckpointBarrier barrier, int channel, ChannelControl control) throws Exception {
        long id = barrier.checkpointId();
        if (id <= lastHandledCheckpointId || (pending != null && id < pending.checkpointId())) {
            return; // a barrier of a checkpoint we already completed or aborted
        }
        if (pending == null || id > pending.checkpointId()) {
            if (pending != null) {
                long aborted = pending.checkpointId();
                reset(control);
                lastHandledCheckpointId = aborted;
                listener.onAlignmentAborted(aborted, "barrier of checkpoint " + id + " arrived before all barriers of " + aborted);
            }
            pending = barrier;
        }
        if (received[channel]) {
            throw new IllegalStateException("second barrier of checkpoint " + id + " on channel " + channel);
        }
        received[channel] = true;
        numberOfReceived++;
        if (numberOfReceived < numberOfLiveChannels) {
            onEarlyBarrier(channel, control);
        } else {
            complete(control);
        }
    }

    /** A channel ended: it no longer holds a pending alignment back. */
    final void processEndOfPartition(int channel, ChannelControl control) throws Exception {
        numberOfLiveChannels--;
        if (received[channel]) {
            // not while aligning exactly-once (the channel is held back), but the tracker lets it through
            received[channel] = false;
            numberOfReceived--;
        }
        if (pending != null && numberOfLiveChannels > 0 && numberOfReceived >= numberOfLiveChannels) {
            complete(control);
        }
    }

    private void complete(ChannelControl control) throws Exception {
        CheckpointBarrier barrier = pending;
        reset(control);
        lastHandledCheckpointId = barrier.checkpointId();
        listener.onBarrierAligned(barrier);
    }

    private void reset(ChannelControl control) {
        java.util.Arrays.fill(received, false);
        numberOfReceived = 0;
        pending = null;
        onAlignmentEnd(control);
    }

    /** A barrier arrived but others are missing. */
    abstract void onEarlyBarrier(int channel, ChannelControl control);

    /** Alignment ended (completed or aborted). */
    abstract void onAlignmentEnd(ChannelControl control);
}
