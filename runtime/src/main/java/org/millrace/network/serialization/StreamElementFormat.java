package org.millrace.network.serialization;

/**
 * The layout of stream elements inside data buffers. Each element is a header followed, for
 * records, by the record's bytes as its {@link org.millrace.api.typeutils.TypeSerializer} wrote
 * them (big-endian throughout):
 *
 * <pre>
 *   record                    [tag=0][int length][length bytes]
 *   record with timestamp     [tag=1][long timestamp][int length][length bytes]
 *   watermark                 [tag=2][long watermark]
 * </pre>
 *
 * <p>A header never crosses a buffer boundary: the writer closes a buffer once fewer than
 * {@link #MAX_HEADER_LENGTH} bytes are left in it, so every element starts with a whole header.
 * A record's bytes may span any number of following buffers (records larger than a buffer, or
 * larger than the whole pool, are fine). A buffer's size marks the end of its last element;
 * the unused tail of a closed buffer is not sent.
 */
public final class StreamElementFormat {

    public static final byte TAG_RECORD = 0;
    public static final byte TAG_RECORD_WITH_TIMESTAMP = 1;
    public static final byte TAG_WATERMARK = 2;

    public static final int RECORD_HEADER_LENGTH = 1 + 4;
    public static final int TIMESTAMPED_RECORD_HEADER_LENGTH = 1 + 8 + 4;
    public static final int WATERMARK_LENGTH = 1 + 8;
    public static final int MAX_HEADER_LENGTH = TIMESTAMPED_RECORD_HEADER_LENGTH;

    /** The timestamp of a record that has none, as in {@link org.millrace.network.ElementOutput}. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    /** The smallest buffer the format works with. */
    public static final int MIN_BUFFER_SIZE = 64;

    private StreamElementFormat() {}
}
