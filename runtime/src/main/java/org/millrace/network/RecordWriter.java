package org.millrace.network;

import static org.millrace.network.serialization.StreamElementFormat.MAX_HEADER_LENGTH;
import static org.millrace.network.serialization.StreamElementFormat.MIN_BUFFER_SIZE;
import static org.millrace.network.serialization.StreamElementFormat.NO_TIMESTAMP;
import static org.millrace.network.serialization.StreamElementFormat.TAG_RECORD;
import static org.millrace.network.serialization.StreamElementFormat.TAG_RECORD_WITH_TIMESTAMP;
import static org.millrace.network.serialization.StreamElementFormat.TAG_WATERMARK;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.network.api.EndOfDataEvent;
import org.millrace.network.api.RuntimeEvent;
import org.millrace.network.buffer.Buffer;
import org.millrace.types.DataOutputSerializer;

/**
 * Serializes records and watermarks into the buffers of a result partition, choosing the
 * subpartition with a {@link ChannelSelector} (all of them for broadcast selectors and watermarks).
 *
 * <p>Per record: the element (header, then the record as its serializer writes it; see
 * {@link org.millrace.network.serialization.StreamElementFormat}) is serialized once into a reused
 * {@link DataOutputSerializer}, the length is patched into the header, and the bytes are copied
 * into the channel's current buffer, spilling into further buffers if they do not fit. No
 * allocation, lock or virtual call beyond the serializer and the selector; a lock is taken only
 * when a buffer is handed over or a new one requested.
 *
 * <p>A channel's buffer is handed to its consumer when it is full (fewer bytes left than the
 * largest element header), on {@link #flushAll()} (the task calls it on its buffer timeout and when
 * it goes idle), and on {@link #finish()}. Before waiting for a buffer, the writer flushes every
 * other channel, so what it holds is visible downstream while it waits.
 *
 * <p>Back-pressure: {@link #isAvailable()} turns false as soon as the partition's pool has no free
 * buffer; a task checks it before taking more input and waits on {@link #getAvailableFuture()}.
 * {@link #emit} itself waits (interruptibly) only when it needs a buffer and none is free, e.g. for
 * a record larger than what is left.
 *
 * <p>Used only by the producing task's thread. The task closes the partition itself; {@link #close()}
 * gives back only the buffers this writer holds.
 */
public final class RecordWriter<T> {

    private final ResultPartitionWriter partition;
    private final ChannelSelector<T> selector;
    private final boolean broadcast;
    private final TypeSerializer<T> serializer;
    private final int numberOfChannels;
    private final int bufferSize;

    /** The element being written (header + record bytes), reused for every element. */
    private final DataOutputSerializer elementBuffer = new DataOutputSerializer(256);

    /** Per channel: the buffer being filled, or null; its memory cached; the write position. */
    private final Buffer[] currentBuffers;
    private final byte[][] currentMemory;
    private final int[] writePositions;

    /** Number of non-null {@link #currentBuffers}, so that an idle flush costs nothing. */
    private int numberOfOpenBuffers;
    /** Time spent inside {@link #emit} waiting for a free buffer; task thread only. */
    private long backPressuredNanos;

    /** Calls {@code selector.setup} with the partition's number of subpartitions. */
    public RecordWriter(ResultPartitionWriter partition, ChannelSelector<T> selector, TypeSerializer<T> serializer) {
        this.partition = partition;
        this.selector = selector;
        this.serializer = serializer;
        this.numberOfChannels = partition.getNumberOfSubpartitions();
        this.bufferSize = partition.getBufferSize();
        if (bufferSize < MIN_BUFFER_SIZE) {
            throw new IllegalArgumentException("network buffers of " + bufferSize + " bytes are too small (minimum "
                    + MIN_BUFFER_SIZE + ")");
        }
        this.currentBuffers = new Buffer[numberOfChannels];
        this.currentMemory = new byte[numberOfChannels][];
        this.writePositions = new int[numberOfChannels];
        selector.setup(numberOfChannels);
        this.broadcast = selector.isBroadcast();
    }

    // ------------------------------------------------------------------------
    //  Writing
    // ------------------------------------------------------------------------

    /** {@code timestamp} is {@link Long#MIN_VALUE} when the record has none. */
    public void emit(T record, long timestamp) throws IOException, InterruptedException {
        DataOutputSerializer out = elementBuffer;
        out.clear();
        int lengthOffset;
        if (timestamp == NO_TIMESTAMP) {
            out.writeByte(TAG_RECORD);
            lengthOffset = 1;
        } else {
            out.writeByte(TAG_RECORD_WITH_TIMESTAMP);
            out.writeLong(timestamp);
            lengthOffset = 9;
        }
        out.writeInt(0);
        serializer.serialize(record, out);
        int length = out.length();
        out.putIntAt(lengthOffset, length - lengthOffset - 4);
        // The serializer may have grown the array: fetch it after serializing.
        byte[] bytes = out.getSharedBuffer();
        if (broadcast) {
            for (int channel = 0; channel < numberOfChannels; channel++) {
                copyToChannel(channel, bytes, length);
            }
        } else {
            copyToChannel(selector.selectChannel(record), bytes, length);
        }
    }

    /** Writes {@code watermark} to every channel, after the records already emitted. */
    public void broadcastWatermark(long watermark) throws IOException, InterruptedException {
        DataOutputSerializer out = elementBuffer;
        out.clear();
        out.writeByte(TAG_WATERMARK);
        out.writeLong(watermark);
        byte[] bytes = out.getSharedBuffer();
        int length = out.length();
        for (int channel = 0; channel < numberOfChannels; channel++) {
            copyToChannel(channel, bytes, length);
        }
    }

    private void copyToChannel(int channel, byte[] bytes, int length) throws IOException, InterruptedException {
        byte[] memory = currentMemory[channel];
        if (memory != null) {
            int position = writePositions[channel];
            if (length <= bufferSize - position) {
                System.arraycopy(bytes, 0, memory, position, length);
                position += length;
                writePositions[channel] = position;
                if (bufferSize - position < MAX_HEADER_LENGTH) {
                    finishBuffer(channel);
                }
                return;
            }
        }
        copySpanning(channel, bytes, length);
    }

    /**
     * Copies an element that does not fit in the channel's current buffer (or the channel has none).
     * The current buffer always has room for a whole header (buffers are closed once less than
     * {@link org.millrace.network.serialization.StreamElementFormat#MAX_HEADER_LENGTH} is left), so
     * only record bytes ever cross a buffer boundary.
     */
    private void copySpanning(int channel, byte[] bytes, int length) throws IOException, InterruptedException {
        int offset = 0;
        while (offset < length) {
            if (currentMemory[channel] == null) {
                openBuffer(channel);
            }
            int position = writePositions[channel];
            int n = Math.min(length - offset, bufferSize - position);
            System.arraycopy(bytes, offset, currentMemory[channel], position, n);
            offset += n;
            position += n;
            writePositions[channel] = position;
            if (bufferSize - position < MAX_HEADER_LENGTH) {
                finishBuffer(channel);
            }
        }
    }

    private void openBuffer(int channel) throws IOException, InterruptedException {
        Buffer buffer = partition.requestBuffer();
        if (buffer == null) {
            // About to wait for a consumer to recycle: first hand over what the other channels
            // hold, so their consumers are not kept waiting on (and holding back) us.
            flushAllChannels();
            long waitStart = System.nanoTime();
            buffer = partition.requestBufferBlocking();
            backPressuredNanos += System.nanoTime() - waitStart;
        }
        if (buffer.getMaxCapacity() != bufferSize) {
            buffer.recycleBuffer();
            throw new IllegalStateException("buffer of " + buffer.getMaxCapacity() + " bytes, expected " + bufferSize);
        }
        currentBuffers[channel] = buffer;
        currentMemory[channel] = buffer.getMemory();
        writePositions[channel] = 0;
        numberOfOpenBuffers++;
    }

    private void finishBuffer(int channel) throws IOException {
        Buffer buffer = currentBuffers[channel];
        buffer.setSize(writePositions[channel]);
        currentBuffers[channel] = null;
        currentMemory[channel] = null;
        writePositions[channel] = 0;
        numberOfOpenBuffers--;
        partition.addBuffer(buffer, channel);
    }

    private void flushAllChannels() throws IOException {
        if (numberOfOpenBuffers == 0) {
            return;
        }
        for (int channel = 0; channel < numberOfChannels; channel++) {
            if (currentBuffers[channel] != null) {
                finishBuffer(channel);
            }
        }
    }

    // ------------------------------------------------------------------------
    //  Flushing, availability, life cycle
    // ------------------------------------------------------------------------

    /**
     * Hands partly filled buffers to the consumers. Cheap when nothing is pending.
     *
     * @throws UncheckedIOException if the partition was released (the task is being cancelled or failed)
     */
    public void flushAll() {
        try {
            flushAllChannels();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Total time {@link #emit} waited for a free buffer so far (task thread only). */
    public long getBackPressuredTimeNanos() {
        return backPressuredNanos;
    }

    /** True if a buffer is free, i.e. the next record can be written without waiting. */
    public boolean isAvailable() {
        return partition.isAvailable();
    }

    public CompletableFuture<Void> getAvailableFuture() {
        return partition.getAvailableFuture();
    }

    /**
     * Sends {@code event} (e.g. a checkpoint barrier) to every consumer, after everything emitted
     * so far: partly filled buffers are handed over first, then the event in its own buffer.
     */
    public void broadcastEvent(RuntimeEvent event) throws IOException {
        flushAllChannels();
        partition.broadcastEvent(event);
    }

    /** Flushes and sends end-of-data on every subpartition: no record or watermark follows, barriers may. */
    public void endData() throws IOException {
        broadcastEvent(EndOfDataEvent.INSTANCE);
        flushAll();
    }

    /** Flushes and sends end-of-partition on every subpartition; the task emits nothing after. */
    public void finish() throws IOException, InterruptedException {
        flushAllChannels();
        partition.finish();
    }

    /** Recycles buffers that were never handed over (after a failure); the partition is closed by the task. */
    public void close() {
        for (int channel = 0; channel < numberOfChannels; channel++) {
            Buffer buffer = currentBuffers[channel];
            if (buffer != null) {
                currentBuffers[channel] = null;
                currentMemory[channel] = null;
                writePositions[channel] = 0;
                numberOfOpenBuffers--;
                buffer.recycleBuffer();
            }
        }
    }
}
