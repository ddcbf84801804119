package org.millrace.network.consumer;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import org.millrace.graph.IntermediateDataSetID;
import org.millrace.network.InputGate;
import org.millrace.network.api.EndOfPartitionEvent;
import org.millrace.network.api.EventSerializer;
import org.millrace.network.api.RuntimeEvent;
import org.millrace.network.buffer.Buffer;
import org.millrace.network.buffer.LocalBufferPool;
import org.millrace.network.partition.BufferAndBacklog;
import org.millrace.network.util.AvailabilityHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An input gate with one {@link InputChannel} per producer subtask. Channels that have data wait in
 * a FIFO queue; {@link #pollNext()} takes the head, reads one buffer from it and puts it back at the
 * tail if it has more, so channels take turns buffer by buffer and an idle channel costs nothing.
 *
 * <p>Threads: {@link #pollNext()}, {@link #requestPartitions()}, {@link #isFinished()} and
 * {@link #close()} run on the consuming task's thread. {@link #notifyChannelNonEmpty} is called by
 * producer-side threads (producer tasks, later Netty threads). The queue and the availability
 * future are guarded by {@link #channelsWithData}, taken once per buffer, never per record; the
 * future is completed after that lock is released, so its callbacks run on the notifying thread
 * and must be short.
 */
public final class SingleInputGate implements InputGate {

    private static final Logger LOG = LoggerFactory.getLogger(SingleInputGate.class);

    private final String owningTaskName;
    private final IntermediateDataSetID consumedDataSet;
    private final int consumedSubpartitionIndex;
    private final InputChannel[] channels;

    /** Channels with data (or a failure) to read, each at most once; also the lock of the availability state. */
    // @GuardedBy("channelsWithData")
    private final ArrayDeque<InputChannel> channelsWithData = new ArrayDeque<>();

    /** Channels held back by barrier alignment; guarded by {@link #channelsWithData}. */
    private final boolean[] blocked;

    /**
     * Blocked channels taken from the queue while they had data: still marked queued, so that
     * notifications do not queue them twice, and put back by {@link #resumeConsumption()}.
     * Guarded by {@link #channelsWithData}.
     */
    private final ArrayDeque<InputChannel> blockedWithData = new ArrayDeque<>();

    /** Reset and completed under {@link #channelsWithData}. */
    private final AvailabilityHelper availability = new AvailabilityHelper();

    /** Written once under {@code this}; read without the lock on every poll. */
    private volatile boolean requestedPartitions;

    /** Consumer thread only. */
    private final boolean[] channelFinished;

    /** Consumer thread only. */
    private int numberOfFinishedChannels;

    /** Set by {@link #close()}; producers stop queueing channels once they see it. */
    private volatile boolean closed;

    /** Buffers of the remote channels (exclusive and floating), or null if all channels are local; set before use. */
    private LocalBufferPool bufferPool;

    public SingleInputGate(String owningTaskName, IntermediateDataSetID consumedDataSet, int consumedSubpartitionIndex,
            int numberOfChannels) {
        if (numberOfChannels < 1) {
            throw new IllegalArgumentException("an input gate needs at least one channel");
        }
        this.owningTaskName = owningTaskName;
        this.consumedDataSet = consumedDataSet;
        this.consumedSubpartitionIndex = consumedSubpartitionIndex;
        this.channels = new InputChannel[numberOfChannels];
        this.channelFinished = new boolean[numberOfChannels];
        this.blocked = new boolean[numberOfChannels];
    }

    /** Installs channel {@code channel.getChannelIndex()}; all channels must be set before {@link #requestPartitions()}. */
    public void setInputChannel(InputChannel channel) {
        if (channel.inputGate != this) {
            throw new IllegalArgumentException("channel belongs to another gate");
        }
        if (channels[channel.getChannelIndex()] != null) {
            throw new IllegalStateException("channel " + channel.getChannelIndex() + " is already set");
        }
        channels[channel.getChannelIndex()] = channel;
    }

    /** Gives the gate the pool its remote channels draw from; the gate destroys it when it closes. */
    public void setBufferPool(LocalBufferPool bufferPool) {
        if (this.bufferPool != null) {
            throw new IllegalStateException("the gate of " + owningTaskName + " already has a buffer pool");
        }
        this.bufferPool = bufferPool;
    }

    public LocalBufferPool getBufferPool() {
        return bufferPool;
    }

    public InputChannel getChannel(int channelIndex) {
        return channels[channelIndex];
    }

    public IntermediateDataSetID getConsumedDataSet() {
        return consumedDataSet;
    }

    public int getConsumedSubpartitionIndex() {
        return consumedSubpartitionIndex;
    }

    @Override
    public int getNumberOfInputChannels() {
        return channels.length;
    }

    @Override
    public void requestPartitions() {
        synchronized (this) {
            if (requestedPartitions) {
                return;
            }
            for (int i = 0; i < channels.length; i++) {
                if (channels[i] == null) {
                    throw new IllegalStateException("channel " + i + " of the gate of " + owningTaskName + " is not set");
                }
            }
            requestedPartitions = true;
        }
        for (InputChannel channel : channels) {
            channel.requestSubpartition();
        }
    }

    // ------------------------------------------------------------------------
    //  Consume (consuming task thread)
    // ------------------------------------------------------------------------

    @Override
    public BufferOrEvent pollNext() throws IOException {
        if (!requestedPartitions) {
            requestPartitions();
        }
        for (;;) {
            InputChannel channel;
            synchronized (channelsWithData) {
                channel = channelsWithData.poll();
                if (channel == null) {
                    availability.resetUnavailable();
                    return null;
                }
                if (blocked[channel.getChannelIndex()]) {
                    blockedWithData.add(channel);
                    continue;
                }
                channel.queuedInGate = false;
            }
            if (channelFinished[channel.getChannelIndex()]) {
                continue; // a late notification, e.g. the view's own release
            }
            BufferAndBacklog next = channel.getNextBuffer();
            if (next == null) {
                continue; // notified, but what it announced was already read with an earlier buffer
            }
            requeueOrMarkUnavailable(channel, next.moreAvailable());
            Buffer buffer = next.buffer();
            if (buffer.isBuffer()) {
                return BufferOrEvent.ofBuffer(buffer, channel.getChannelIndex());
            }
            RuntimeEvent event;
            try {
                event = EventSerializer.fromBuffer(buffer);
            } finally {
                buffer.recycleBuffer();
            }
            if (event instanceof EndOfPartitionEvent) {
                onEndOfPartition(channel);
            }
            return BufferOrEvent.ofEvent(event, channel.getChannelIndex());
        }
    }

    /**
     * Puts a channel that has more back at the tail; otherwise, if no channel is left, marks the
     * gate unavailable now rather than on the next empty poll, so that "available" stays exact
     * enough for the task to decide between reading on and waiting.
     */
    private void requeueOrMarkUnavailable(InputChannel channel, boolean moreAvailable) {
        synchronized (channelsWithData) {
            if (moreAvailable) {
                if (!channel.queuedInGate && !closed) {
                    channel.queuedInGate = true;
                    channelsWithData.add(channel);
                }
            } else if (channelsWithData.isEmpty()) {
                availability.resetUnavailable();
            }
        }
    }

    private void onEndOfPartition(InputChannel channel) {
        int index = channel.getChannelIndex();
        if (channelFinished[index]) {
            throw new IllegalStateException("second end-of-partition on " + channel);
        }
        channelFinished[index] = true;
        numberOfFinishedChannels++;
        // The producer's subpartition is fully read: releasing the view lets the producer's
        // partition be unregistered once all its consumers are done.
        channel.releaseAllResources();
        if (numberOfFinishedChannels == channels.length) {
            LOG.debug("{}: all {} channels of input {} finished", owningTaskName, channels.length, consumedDataSet);
        }
    }

    @Override
    public void blockChannel(int channelIndex) {
        synchronized (channelsWithData) {
            blocked[channelIndex] = true;
        }
    }

    @Override
    public void resumeConsumption() {
        CompletableFuture<Void> toComplete = null;
        synchronized (channelsWithData) {
            java.util.Arrays.fill(blocked, false);
            if (!blockedWithData.isEmpty()) {
                if (!closed) {
                    channelsWithData.addAll(blockedWithData);
                    toComplete = availability.getUnavailableToResetAvailable();
                } else {
                    blockedWithData.forEach(c -> c.queuedInGate = false);
                }
                blockedWithData.clear();
            }
        }
        AvailabilityHelper.complete(toComplete);
    }

    @Override
    public CompletableFuture<Void> getAvailableFuture() {
        return availability.getAvailableFuture();
    }

    @Override
    public boolean isFinished() {
        return numberOfFinishedChannels == channels.length;
    }

    // ------------------------------------------------------------------------
    //  Notifications (producer-side threads)
    // ------------------------------------------------------------------------

    /** Queues {@code channel} for reading (if it is not queued already) and wakes the consumer. */
    void notifyChannelNonEmpty(InputChannel channel) {
        CompletableFuture<Void> toComplete;
        synchronized (channelsWithData) {
            if (channel.queuedInGate || closed) {
                return;
            }
            channel.queuedInGate = true;
            channelsWithData.add(channel);
            toComplete = availability.getUnavailableToResetAvailable();
        }
        AvailabilityHelper.complete(toComplete);
    }

    // ------------------------------------------------------------------------
    //  Life cycle
    // ------------------------------------------------------------------------

    @Override
    public void close() {
        synchronized (channelsWithData) {
            if (closed) {
                return;
            }
            closed = true;
            for (InputChannel channel : channelsWithData) {
                channel.queuedInGate = false;
            }
            channelsWithData.clear();
            blockedWithData.forEach(c -> c.queuedInGate = false);
            blockedWithData.clear();
        }
        for (InputChannel channel : channels) {
            if (channel != null) {
                channel.releaseAllResources();
            }
        }
        // After the channels: they give their idle buffers back to the pool first; buffers still in
        // use go to the network pool when they are recycled.
        if (bufferPool != null) {
            bufferPool.lazyDestroy();
        }
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "SingleInputGate{" + owningTaskName + ", " + consumedDataSet + ", subpartition "
                + consumedSubpartitionIndex + ", " + channels.length + " channels}";
    }
}
