package org.millrace.network.buffer;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * A network buffer: a memory segment with a number of valid bytes and a data type, reference
 * counted so its segment goes back to its pool exactly once.
 *
 * <p>Life of a data buffer: the producing task's thread takes it from its partition's
 * {@link LocalBufferPool}, serializes elements into {@link #getMemory()}, sets the
 * {@link #getSize() size} and hands it to a subpartition; the consuming thread takes it from there,
 * reads it and calls {@link #recycleBuffer()}. The hand-off goes through the subpartition's lock,
 * which publishes the contents and the size; the buffer itself is never read and written
 * concurrently. Event buffers ({@link DataType#EVENT_BUFFER}) are small unpooled buffers that carry
 * one serialized {@link org.millrace.network.api.RuntimeEvent}; they travel in the same queues but
 * are never counted as credit-consuming data.
 */
public final class Buffer {

    /** What a buffer carries; lets a reader (and later barrier alignment) act on events per channel. */
    public enum DataType {
        /** Serialized stream elements (records and watermarks). */
        DATA_BUFFER,
        /** One serialized runtime event such as end-of-partition. */
        EVENT_BUFFER
    }

    private static final AtomicIntegerFieldUpdater<Buffer> REFERENCE_COUNT =
            AtomicIntegerFieldUpdater.newUpdater(Buffer.class, "referenceCount");

    private final byte[] memory;
    private final BufferRecycler recycler;
    private final DataType dataType;

    /** Valid bytes [0, size); set by the writer before the hand-off, read only after it. */
    private int size;

    /** Changed atomically by any thread holding a reference. */
    private volatile int referenceCount = 1;

    public Buffer(byte[] memory, BufferRecycler recycler, DataType dataType, int size) {
        this.memory = memory;
        this.recycler = recycler;
        this.dataType = dataType;
        setSize(size);
    }

    public byte[] getMemory() {
        return memory;
    }

    public int getMaxCapacity() {
        return memory.length;
    }

    public int getSize() {
        return size;
    }

    public void setSize(int size) {
        if (size < 0 || size > memory.length) {
            throw new IllegalArgumentException("size " + size + " outside [0, " + memory.length + "]");
        }
        this.size = size;
    }

    public DataType getDataType() {
        return dataType;
    }

    /** True for data buffers, false for event buffers. */
    public boolean isBuffer() {
        return dataType == DataType.DATA_BUFFER;
    }

    /** Adds a reference (e.g. a second reader of the same bytes); each needs its own recycle. */
    public Buffer retainBuffer() {
        for (;;) {
            int current = referenceCount;
            if (current <= 0) {
                throw new IllegalStateException("retain of a recycled buffer");
            }
            if (REFERENCE_COUNT.compareAndSet(this, current, current + 1)) {
                return this;
            }
        }
    }

    /** Drops a reference; the last one returns the segment to its recycler. */
    public void recycleBuffer() {
        int remaining = REFERENCE_COUNT.decrementAndGet(this);
        if (remaining == 0) {
            recycler.recycle(memory);
        } else if (remaining < 0) {
            throw new IllegalStateException("buffer recycled more often than retained");
        }
    }

    public boolean isRecycled() {
        return referenceCount <= 0;
    }

    @Override
    public String toString() {
        return "Buffer{" + dataType + ", size=" + size + ", refs=" + referenceCount + "}";
    }
}
