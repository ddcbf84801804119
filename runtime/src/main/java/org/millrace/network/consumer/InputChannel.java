package org.millrace.network.consumer;

import java.io.IOException;
import org.millrace.network.ResultPartitionID;
import org.millrace.network.partition.BufferAndBacklog;

/**
 * One channel of a {@link SingleInputGate}: reads one subpartition of one producer partition.
 * {@link LocalInputChannel} reads it through memory; {@link RemoteInputChannel} reads it from another
 * TaskManager with credit-based flow control. Read by the consuming task's thread; data notifications come from the
 * producing side's threads and end up in {@link SingleInputGate#notifyChannelNonEmpty}.
 */
public abstract class InputChannel {

    protected final SingleInputGate inputGate;
    protected final int channelIndex;
    protected final ResultPartitionID partitionId;
    protected final int consumedSubpartitionIndex;

    /** Whether this channel sits in its gate's queue of channels with data. */
    // @GuardedBy("inputGate.channelsWithData")
    boolean queuedInGate;

    protected InputChannel(SingleInputGate inputGate, int channelIndex, ResultPartitionID partitionId, int consumedSubpartitionIndex) {
        this.inputGate = inputGate;
        this.channelIndex = channelIndex;
        this.partitionId = partitionId;
        this.consumedSubpartitionIndex = consumedSubpartitionIndex;
    }

    public int getChannelIndex() {
        return channelIndex;
    }

    public ResultPartitionID getPartitionId() {
        return partitionId;
    }

    public int getConsumedSubpartitionIndex() {
        return consumedSubpartitionIndex;
    }

    /** Sends the subpartition request; the answer may come later, on another thread. */
    protected abstract void requestSubpartition();

    /**
     * The next buffer or event, or null if none now. {@code moreAvailable} in the result tells the
     * gate to keep the channel queued.
     *
     * @throws IOException if the producer's partition was released or the request failed
     */
    protected abstract BufferAndBacklog getNextBuffer() throws IOException;

    /** Releases the subpartition (or withdraws the request). Idempotent; any thread. */
    protected abstract void releaseAllResources();

    /** Tells the gate this channel has something (data, or a failure to report). Any thread. */
    protected final void notifyChannelNonEmpty() {
        inputGate.notifyChannelNonEmpty(this);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "#" + channelIndex + " [" + partitionId + ", subpartition "
                + consumedSubpartitionIndex + "]";
    }
}
