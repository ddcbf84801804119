package org.millrace.network.serialization;

import static org.millrace.network.serialization.StreamElementFormat.NO_TIMESTAMP;
import static org.millrace.network.serialization.StreamElementFormat.RECORD_HEADER_LENGTH;
import static org.millrace.network.serialization.StreamElementFormat.TAG_RECORD;
import static org.millrace.network.serialization.StreamElementFormat.TAG_RECORD_WITH_TIMESTAMP;
import static org.millrace.network.serialization.StreamElementFormat.TAG_WATERMARK;
import static org.millrace.network.serialization.StreamElementFormat.TIMESTAMPED_RECORD_HEADER_LENGTH;
import static org.millrace.network.serialization.StreamElementFormat.WATERMARK_LENGTH;

import java.io.IOException;
import org.millrace.network.buffer.Buffer;
import org.millrace.types.ByteArrays;
import org.millrace.types.DataInputDeserializer;

/**
 * Splits the data buffers of one input channel into stream elements ({@link StreamElementFormat}).
 * A record that lies within one buffer is handed to the type serializer in place (the input view
 * points into the buffer, nothing is copied or allocated); the bytes of a record that spans buffers
 * are gathered in a spill array that is reused and grows as needed.
 *
 * <p>Holds at most one buffer at a time and recycles it as soon as it has been read; a partial
 * record waiting for the channel's next buffer lives in the spill array only. Used only by the
 * consuming task's thread; one instance per input channel.
 */
public final class StreamElementDeserializer {

    /** Returned by {@link #readNextElement} when the current buffer is used up (and recycled). */
    public static final int BUFFER_CONSUMED = -1;

    /** Spill arrays above this size are dropped after use instead of being kept for reuse. */
    private static final int MAX_RETAINED_SPILL = 1 << 20;

    private static final byte[] EMPTY = new byte[0];

    private Buffer buffer;
    private byte[] memory;
    private int position;
    private int limit;

    /** Timestamp of the record last returned ({@link StreamElementFormat#NO_TIMESTAMP} if none), or the watermark. */
    private long timestamp;

    // spanning record state
    private boolean spanning;
    private byte[] spill = EMPTY;
    private int spillLength;
    private int spillExpected;
    private int spillTag;
    private long spillTimestamp;
    private boolean dropSpillOnNextRead;

    /** Gives the channel's next buffer; the previous one must have been consumed. */
    public void setNextBuffer(Buffer next) {
        if (buffer != null) {
            throw new IllegalStateException("previous buffer of this channel was not consumed");
        }
        buffer = next;
        memory = next.getMemory();
        position = 0;
        limit = next.getSize();
    }

    /**
     * Reads the next element. For records, points {@code recordInput} at exactly the record's bytes
     * (valid until the next call) and returns {@link StreamElementFormat#TAG_RECORD} or
     * {@link StreamElementFormat#TAG_RECORD_WITH_TIMESTAMP}; for watermarks returns
     * {@link StreamElementFormat#TAG_WATERMARK}; see {@link #getTimestamp()}. Returns
     * {@link #BUFFER_CONSUMED} when the buffer is used up, after recycling it.
     */
    public int readNextElement(DataInputDeserializer recordInput) throws IOException {
        if (dropSpillOnNextRead) {
            spill = EMPTY;
            dropSpillOnNextRead = false;
        }
        if (buffer == null) {
            return BUFFER_CONSUMED;
        }
        if (spanning) {
            return continueSpanningRecord(recordInput);
        }
        int p = position;
        int remaining = limit - p;
        if (remaining == 0) {
            releaseBuffer();
            return BUFFER_CONSUMED;
        }
        byte[] m = memory;
        byte tag = m[p];
        switch (tag) {
            case TAG_RECORD: {
                checkHeader(remaining, RECORD_HEADER_LENGTH);
                timestamp = NO_TIMESTAMP;
                return readRecord(recordInput, TAG_RECORD, p + RECORD_HEADER_LENGTH, ByteArrays.getInt(m, p + 1));
            }
            case TAG_RECORD_WITH_TIMESTAMP: {
                checkHeader(remaining, TIMESTAMPED_RECORD_HEADER_LENGTH);
                timestamp = ByteArrays.getLong(m, p + 1);
                return readRecord(recordInput, TAG_RECORD_WITH_TIMESTAMP, p + TIMESTAMPED_RECORD_HEADER_LENGTH,
                        ByteArrays.getInt(m, p + 9));
            }
            case TAG_WATERMARK: {
                checkHeader(remaining, WATERMARK_LENGTH);
                timestamp = ByteArrays.getLong(m, p + 1);
                position = p + WATERMARK_LENGTH;
                return TAG_WATERMARK;
            }
            default:
                throw new IOException("Corrupt stream: unknown element tag " + tag + " at offset " + p
                        + " of a buffer of " + limit + " bytes");
        }
    }

    private int readRecord(DataInputDeserializer recordInput, int tag, int start, int length) throws IOException {
        if (length < 0) {
            throw new IOException("Corrupt stream: negative record length " + length);
        }
        if (length <= limit - start) {
            recordInput.setBuffer(memory, start, length);
            position = start + length;
            return tag;
        }
        // The record continues in the channel's next buffer(s).
        if (spill.length < length) {
            spill = new byte[Math.max(length, Math.min(2 * spill.length, MAX_RETAINED_SPILL))];
        }
        spanning = true;
        spillLength = 0;
        spillExpected = length;
        spillTag = tag;
        spillTimestamp = timestamp;
        position = start;
        return continueSpanningRecord(recordInput);
    }

    private int continueSpanningRecord(DataInputDeserializer recordInput) {
        int n = Math.min(spillExpected - spillLength, limit - position);
        System.arraycopy(memory, position, spill, spillLength, n);
        spillLength += n;
        position += n;
        if (spillLength < spillExpected) {
            releaseBuffer();
            return BUFFER_CONSUMED;
        }
        spanning = false;
        timestamp = spillTimestamp;
        recordInput.setBuffer(spill, 0, spillExpected);
        dropSpillOnNextRead = spill.length > MAX_RETAINED_SPILL;
        return spillTag;
    }

    private void checkHeader(int remaining, int headerLength) throws IOException {
        if (remaining < headerLength) {
            throw new IOException("Corrupt stream: element header of " + headerLength + " bytes cut at a buffer end ("
                    + remaining + " bytes left)");
        }
    }

    /** The current record's timestamp ({@link StreamElementFormat#NO_TIMESTAMP} if none), or the watermark's value. */
    public long getTimestamp() {
        return timestamp;
    }

    /** True if this deserializer holds a buffer with unread bytes. */
    public boolean hasBufferedData() {
        return buffer != null && (position < limit);
    }

    /**
     * Recycles the buffer early if it has been read to its end (so its producer gets it back
     * sooner). Returns true if this deserializer holds no buffer afterwards.
     */
    public boolean releaseBufferIfConsumed() {
        if (buffer != null && position == limit) {
            releaseBuffer();
        }
        return buffer == null;
    }

    /** True while a record's bytes are split between buffers already read and ones still to come. */
    public boolean hasPartialRecord() {
        return spanning;
    }

    private void releaseBuffer() {
        Buffer b = buffer;
        buffer = null;
        memory = null;
        position = 0;
        limit = 0;
        b.recycleBuffer();
    }

    /** Recycles the held buffer and forgets any partial record. */
    public void clear() {
        if (buffer != null) {
            releaseBuffer();
        }
        spanning = false;
        spill = EMPTY;
        dropSpillOnNextRead = false;
    }
}
