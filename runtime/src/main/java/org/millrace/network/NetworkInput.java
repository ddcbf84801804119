package org.millrace.network;

import static org.millrace.network.serialization.StreamElementFormat.TAG_RECORD;
import static org.millrace.network.serialization.StreamElementFormat.TAG_RECORD_WITH_TIMESTAMP;
import static org.millrace.network.serialization.StreamElementFormat.TAG_WATERMARK;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.millrace.api.source.InputStatus;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.network.api.CheckpointBarrierEvent;
import org.millrace.network.api.EndOfDataEvent;
import org.millrace.network.api.EndOfPartitionEvent;
import org.millrace.network.consumer.BufferOrEvent;
import org.millrace.network.serialization.StreamElementDeserializer;
import org.millrace.network.util.AvailabilityHelper;
import org.millrace.types.DataInputDeserializer;

/**
 * Reads the records of one logical task input (one or more gates of the same type, e.g. a union)
 * and combines watermarks over all channels by minimum.
 *
 * <p>Buffers are taken from the gates one at a time (round-robin over gates, fair over channels
 * within a gate) and split into elements by the channel's {@link StreamElementDeserializer}; each
 * {@link #emitNext} call emits at most one record or watermark. A buffer is recycled as soon as its
 * last element has been read. Records within one buffer are deserialized in place; only records
 * that span buffers are gathered in the channel's reusable spill array.
 *
 * <p>End of input: a producer sends end-of-data after its last record, then (after its final
 * checkpoint, when the job checkpoints) end-of-partition. {@link #emitNext} says END_OF_INPUT once
 * every channel's data ended; barriers and end-of-partition events are still read after that.
 *
 * <p>Watermarks: each channel's watermark is the highest it has sent; a watermark is emitted when
 * the minimum over all channels that have not ended rises above the last one emitted. Channels
 * that ended do not hold the minimum back. When every channel has ended nothing more is emitted:
 * a producer that wants its consumers to see a final watermark sends it before it finishes.
 *
 * <p>Used only by the consuming task's thread; {@link #getAvailableFuture()} completes on a
 * producer-side thread, so its callbacks must be short (wake the task's mailbox).
 */
public final class NetworkInput<T> {

    private final InputGate[] gates;
    /** Index of each gate's first channel in the flattened channel numbering. */
    private final int[] channelOffsets;
    private final TypeSerializer<T> serializer;
    private final int numberOfChannels;

    private final StreamElementDeserializer[] deserializers;
    private final DataInputDeserializer recordInput = new DataInputDeserializer();

    private final long[] channelWatermarks;
    /** Channels whose data ended (end-of-data or end-of-partition): they no longer hold the watermark back. */
    private final boolean[] channelEnded;
    private int numberOfEndedChannels;
    /** Channels that delivered end-of-partition: nothing more, not even barriers, comes from them. */
    private final boolean[] channelFinished;
    private int numberOfFinishedChannels;
    private long lastEmittedWatermark = Long.MIN_VALUE;

    /** The deserializer holding the buffer being read, or null. */
    private StreamElementDeserializer currentDeserializer;
    private int currentChannel;

    /** Next gate to poll first (round-robin); offset of the gate polled last. */
    private int nextGate;
    private int lastPolledGateOffset;

    /** Per gate, the availability future a completion hook is already attached to. */
    private final CompletableFuture<?>[] hookedGateFutures;

    /** Null when the job does not checkpoint. */
    private CheckpointBarrierHandler barrierHandler;
    private final CheckpointBarrierHandler.ChannelControl channelControl = new CheckpointBarrierHandler.ChannelControl() {
        @Override
        public void blockChannel(int channel) {
            int g = gateOf(channel);
            gates[g].blockChannel(channel - channelOffsets[g]);
        }

        @Override
        public void resumeConsumption() {
            for (InputGate gate : gates) {
                gate.resumeConsumption();
            }
        }
    };

    /** Completed by a hook on any gate's future; replaced by the consuming thread once done. */
    private volatile CompletableFuture<Void> combinedFuture = AvailabilityHelper.AVAILABLE;

    /** Requests the gates' partitions; {@code serializer} is used by this input only. */
    public NetworkInput(List<InputGate> gates, TypeSerializer<T> serializer) {
        if (gates.isEmpty()) {
            throw new IllegalArgumentException("a network input needs at least one gate");
        }
        this.gates = gates.toArray(new InputGate[0]);
        this.serializer = serializer;
        this.channelOffsets = new int[this.gates.length];
        int channels = 0;
        for (int g = 0; g < this.gates.length; g++) {
            channelOffsets[g] = channels;
            channels += this.gates[g].getNumberOfInputChannels();
        }
        this.numberOfChannels = channels;
        this.deserializers = new StreamElementDeserializer[channels];
        for (int c = 0; c < channels; c++) {
            deserializers[c] = new StreamElementDeserializer();
        }
        this.channelWatermarks = new long[channels];
        Arrays.fill(channelWatermarks, Long.MIN_VALUE);
        this.channelEnded = new boolean[channels];
        this.channelFinished = new boolean[channels];
        this.hookedGateFutures = new CompletableFuture<?>[this.gates.length];
        for (InputGate gate : this.gates) {
            gate.requestPartitions();
        }
    }

    public int getNumberOfInputChannels() {
        return numberOfChannels;
    }

    /**
     * True once every channel delivered end-of-partition. After {@link #emitNext} returned
     * END_OF_INPUT (every channel's data ended) the task keeps calling it for barriers until this holds.
     */
    public boolean isFinished() {
        return numberOfFinishedChannels == numberOfChannels;
    }

    /** Lets checkpoint barriers in: {@code handler} decides when the task snapshots. Before the first record. */
    public void setCheckpointBarrierHandler(CheckpointBarrierHandler handler) {
        this.barrierHandler = handler;
    }

    private int gateOf(int channel) {
        int g = gates.length - 1;
        while (channelOffsets[g] > channel) {
            g--;
        }
        return g;
    }

    /** Emits at most one element; END_OF_INPUT once every channel has ended. */
    public InputStatus emitNext(ElementOutput<T> output) throws Exception {
        for (;;) {
            StreamElementDeserializer deserializer = currentDeserializer;
            if (deserializer != null) {
                int tag = deserializer.readNextElement(recordInput);
                if (tag == TAG_RECORD || tag == TAG_RECORD_WITH_TIMESTAMP) {
                    T record = serializer.deserialize(recordInput);
                    if (recordInput.available() != 0) {
                        throw new IOException("Serializer " + serializer.getClass().getName() + " left "
                                + recordInput.available() + " bytes of a record unread: producer and consumer"
                                + " serializers disagree, or the serializer is broken");
                    }
                    long timestamp = deserializer.getTimestamp();
                    releaseBufferIfConsumed(deserializer);
                    output.emitRecord(record, timestamp);
                    return statusAfterEmit();
                }
                if (tag == TAG_WATERMARK) {
                    long watermark = deserializer.getTimestamp();
                    releaseBufferIfConsumed(deserializer);
                    if (processWatermark(currentChannel, watermark, output)) {
                        return statusAfterEmit();
                    }
                    continue;
                }
                currentDeserializer = null; // buffer consumed and recycled
            }
            BufferOrEvent next = pollGates();
            if (next == null) {
                return numberOfEndedChannels == numberOfChannels ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
            }
            int channel = lastPolledGateOffset + next.channelIndex();
            if (next.isBuffer()) {
                currentChannel = channel;
                currentDeserializer = deserializers[channel];
                currentDeserializer.setNextBuffer(next.buffer());
            } else if (next.event() instanceof CheckpointBarrierEvent barrierEvent) {
                if (barrierHandler == null) {
                    throw new IllegalStateException("checkpoint barrier " + barrierEvent + " reached a task without checkpointing");
                }
                barrierHandler.processBarrier(barrierEvent.barrier(), channel, channelControl);
            } else if (next.event() instanceof EndOfDataEvent) {
                boolean emitted = processEndOfData(channel, output);
                if (numberOfEndedChannels == numberOfChannels) {
                    return InputStatus.END_OF_INPUT;
                }
                if (emitted) {
                    return statusAfterEmit();
                }
            } else if (next.event() instanceof EndOfPartitionEvent) {
                if (barrierHandler != null) {
                    barrierHandler.processEndOfPartition(channel, channelControl);
                }
                channelFinished[channel] = true;
                numberOfFinishedChannels++;
                boolean emitted = !channelEnded[channel] && processEndOfData(channel, output);
                if (numberOfEndedChannels == numberOfChannels) {
                    return InputStatus.END_OF_INPUT;
                }
                if (emitted) {
                    return statusAfterEmit();
                }
            }
        }
    }

    private void releaseBufferIfConsumed(StreamElementDeserializer deserializer) {
        if (deserializer.releaseBufferIfConsumed()) {
            currentDeserializer = null;
        }
    }

    private BufferOrEvent pollGates() throws IOException {
        InputGate[] gs = gates;
        if (gs.length == 1) {
            lastPolledGateOffset = 0;
            return gs[0].pollNext();
        }
        for (int i = 0; i < gs.length; i++) {
            int g = nextGate;
            nextGate = g + 1 == gs.length ? 0 : g + 1;
            BufferOrEvent next = gs[g].pollNext();
            if (next != null) {
                lastPolledGateOffset = channelOffsets[g];
                return next;
            }
        }
        return null;
    }

    private InputStatus statusAfterEmit() {
        if (currentDeserializer != null) {
            return InputStatus.MORE_AVAILABLE;
        }
        if (numberOfEndedChannels == numberOfChannels) {
            return InputStatus.END_OF_INPUT;
        }
        for (InputGate gate : gates) {
            if (!gate.isFinished() && gate.getAvailableFuture().isDone()) {
                return InputStatus.MORE_AVAILABLE;
            }
        }
        return InputStatus.NOTHING_AVAILABLE;
    }

    // ------------------------------------------------------------------------
    //  Watermarks and end of input
    // ------------------------------------------------------------------------

    private boolean processWatermark(int channel, long watermark, ElementOutput<T> output) throws Exception {
        if (watermark <= channelWatermarks[channel]) {
            return false;
        }
        channelWatermarks[channel] = watermark;
        return advanceWatermark(output);
    }

    /** The channel's data ended (end-of-data, or end-of-partition without one before it). */
    private boolean processEndOfData(int channel, ElementOutput<T> output) throws Exception {
        StreamElementDeserializer deserializer = deserializers[channel];
        if (channelEnded[channel]) {
            throw new IOException("Corrupt stream: second end of data on channel " + channel);
        }
        if (deserializer.hasPartialRecord()) {
            throw new IOException("Corrupt stream: end of data in the middle of a record on channel " + channel);
        }
        deserializer.clear();
        channelEnded[channel] = true;
        numberOfEndedChannels++;
        return advanceWatermark(output);
    }

    /** Emits the minimum over live channels if it rose; false if nothing was emitted. */
    private boolean advanceWatermark(ElementOutput<T> output) throws Exception {
        if (numberOfEndedChannels == numberOfChannels) {
            return false;
        }
        long min = Long.MAX_VALUE;
        for (int c = 0; c < numberOfChannels; c++) {
            if (!channelEnded[c] && channelWatermarks[c] < min) {
                min = channelWatermarks[c];
            }
        }
        if (min <= lastEmittedWatermark) {
            return false;
        }
        lastEmittedWatermark = min;
        output.emitWatermark(min);
        return true;
    }

    // ------------------------------------------------------------------------
    //  Availability and life cycle
    // ------------------------------------------------------------------------

    /**
     * Completes when {@link #emitNext} may have something to emit (already complete if a buffer is
     * being read or the input has ended).
     */
    public CompletableFuture<Void> getAvailableFuture() {
        if (currentDeserializer != null || numberOfFinishedChannels == numberOfChannels) {
            return AvailabilityHelper.AVAILABLE;
        }
        if (gates.length == 1) {
            return gates[0].getAvailableFuture();
        }
        // Publish a fresh combined future before looking at the gates: a hook that fires after our
        // look completes this one, and a gate that became available before it is seen by the look.
        CompletableFuture<Void> combined = combinedFuture;
        if (combined.isDone()) {
            combined = new CompletableFuture<>();
            combinedFuture = combined;
        }
        boolean anyAvailable = false;
        for (int g = 0; g < gates.length; g++) {
            if (gates[g].isFinished()) {
                continue;
            }
            CompletableFuture<Void> gateFuture = gates[g].getAvailableFuture();
            if (gateFuture.isDone()) {
                anyAvailable = true;
            } else if (gateFuture != hookedGateFutures[g]) {
                // One hook per gate future, so an idle gate does not collect a callback per wait.
                hookedGateFutures[g] = gateFuture;
                gateFuture.thenRun(this::completeCombinedFuture);
            }
        }
        return anyAvailable ? AvailabilityHelper.AVAILABLE : combined;
    }

    private void completeCombinedFuture() {
        combinedFuture.complete(null);
    }

    /** Recycles buffers held by this input and closes its gates. Consuming task's thread. */
    public void close() {
        for (StreamElementDeserializer deserializer : deserializers) {
            deserializer.clear();
        }
        currentDeserializer = null;
        for (InputGate gate : gates) {
            gate.close();
        }
    }
}
