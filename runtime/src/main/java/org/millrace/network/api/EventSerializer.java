package org.millrace.network.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.millrace.network.buffer.Buffer;
import org.millrace.network.buffer.BufferRecycler;
import org.millrace.types.ByteArrays;

/**
 * Turns {@link RuntimeEvent}s into event buffers and back. Format: a 4-byte big-endian event type,
 * then the event's own fields (none for end-of-partition; id, timestamp, kind and target for a
 * checkpoint barrier). Event buffers are small and unpooled:
 * they must get through even when every pooled buffer is queued (a barrier behind back-pressure),
 * and they do not consume credit. Stateless; any thread.
 */
public final class EventSerializer {

    private static final int END_OF_PARTITION = 0;
    private static final int CHECKPOINT_BARRIER = 1;
    private static final int END_OF_DATA = 2;

    private EventSerializer() {}

    public static Buffer toBuffer(RuntimeEvent event) {
        if (event instanceof EndOfPartitionEvent) {
            byte[] bytes = new byte[4];
            ByteArrays.putInt(bytes, 0, END_OF_PARTITION);
            return new Buffer(bytes, BufferRecycler.DISCARDING, Buffer.DataType.EVENT_BUFFER, bytes.length);
        }
        if (event instanceof EndOfDataEvent) {
            byte[] bytes = new byte[4];
            ByteArrays.putInt(bytes, 0, END_OF_DATA);
            return new Buffer(bytes, BufferRecycler.DISCARDING, Buffer.DataType.EVENT_BUFFER, bytes.length);
        }
        if (event instanceof CheckpointBarrierEvent e) {
            byte[] bytes = writeBarrier(e.barrier());
            return new Buffer(bytes, BufferRecycler.DISCARDING, Buffer.DataType.EVENT_BUFFER, bytes.length);
        }
        throw new IllegalArgumentException("unknown event type " + event.getClass().getName());
    }

    private static byte[] writeBarrier(CheckpointBarrier barrier) {
        byte[] location = barrier.targetLocation() == null ? null : barrier.targetLocation().getBytes(StandardCharsets.UTF_8);
        // type, id, timestamp, savepoint flag, location length (-1: none), location bytes
        byte[] bytes = new byte[4 + 8 + 8 + 1 + 4 + (location == null ? 0 : location.length)];
        ByteBuffer b = ByteBuffer.wrap(bytes);
        b.putInt(CHECKPOINT_BARRIER).putLong(barrier.checkpointId()).putLong(barrier.timestamp())
                .put((byte) (barrier.savepoint() ? 1 : 0)).putInt(location == null ? -1 : location.length);
        if (location != null) {
            b.put(location);
        }
        return bytes;
    }

    private static CheckpointBarrier readBarrier(Buffer buffer) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(buffer.getMemory(), 0, buffer.getSize());
        try {
            b.getInt();
            long id = b.getLong();
            long timestamp = b.getLong();
            boolean savepoint = b.get() != 0;
            int length = b.getInt();
            String location = null;
            if (length >= 0) {
                byte[] bytes = new byte[length];
                b.get(bytes);
                location = new String(bytes, StandardCharsets.UTF_8);
            }
            return new CheckpointBarrier(id, timestamp, savepoint, location);
        } catch (RuntimeException e) {
            throw new IOException("corrupt checkpoint barrier of " + buffer.getSize() + " bytes", e);
        }
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
        if (type == END_OF_DATA) {
            return EndOfDataEvent.INSTANCE;
        }
        if (type == CHECKPOINT_BARRIER) {
            return new CheckpointBarrierEvent(readBarrier(buffer));
        }
        throw new IOException("unknown event type " + type);
    }
}
