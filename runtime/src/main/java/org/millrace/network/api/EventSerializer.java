package org.millrace.network.api;

import java.io.IOException;
import org.millrace.network.buffer.Buffer;
import org.millrace.network.buffer.BufferRecycler;
import org.millrace.types.ByteArrays;

/**
 * Turns {@link RuntimeEvent}s into event buffers and back. Format: a 4-byte big-endian event type,
 * then the event's own fields (none for end-of-partition). Event buffers are small and unpooled:
 * they must get through even when every pooled buffer is queued (a barrier behind back-pressure),
 * and they do not consume credit. Stateless; any thread.
 */
public final class EventSerializer {

    private static final int END_OF_PARTITION = 0;

    private EventSerializer() {}

    public static Buffer toBuffer(RuntimeEvent event) {
        if (event instanceof EndOfPartitionEvent) {
            byte[] bytes = new byte[4];
            ByteArrays.putInt(bytes, 0, END_OF_PARTITION);
            return new Buffer(bytes, BufferRecycler.DISCARDING, Buffer.DataType.EVENT_BUFFER, bytes.length);
        }
        throw new IllegalArgumentException("unknown event type " + event.getClass().getName());
    }

    /** Reads the event in {@code buffer}; does not recycle it. */
    public static RuntimeEvent fromBuffer(Buffer buffer) throws IOException {
        if (buffer.isBuffer()) {
            throw new IllegalArgumentException("not an event buffer: " + buffer);
        }
        if (buffer.getSize() < 4) {
            throw new IOException("corrupt event buffer of " + buffer.getSize() + " bytes");
        }
        int type = ByteArrays.getInt(buffer.getMemory(), 0);
        if (type == END_OF_PARTITION) {
            return EndOfPartitionEvent.INSTANCE;
        }
        throw new IOException("unknown event type " + type);
    }
}
