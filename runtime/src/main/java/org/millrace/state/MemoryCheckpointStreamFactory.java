package org.millrace.state;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps snapshot bytes in memory, in the handles themselves: for tests and for small state that
 * travels with the checkpoint metadata. A stream refuses to grow beyond {@code maxStateSize}.
 * Thread-safe; each stream belongs to one thread.
 */
public final class MemoryCheckpointStreamFactory implements CheckpointStreamFactory {

    private final int maxStateSize;
    /** Names streams uniquely; incremented by any snapshot thread. */
    private final AtomicLong streams = new AtomicLong();

    public MemoryCheckpointStreamFactory(int maxStateSize) {
        this.maxStateSize = maxStateSize;
    }

    @Override
    public CheckpointOutputStream createCheckpointOutputStream() {
        String name = "memory-state-" + streams.incrementAndGet();
        return new CheckpointOutputStream() {
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                checkRoom(1);
                bytes.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                checkRoom(len);
                bytes.write(b, off, len);
            }

            private void checkRoom(int len) throws IOException {
                if (closed) {
                    throw new IOException(name + " is closed");
                }
                if ((long) bytes.size() + len > maxStateSize) {
                    throw new IOException("state of " + name + " exceeds the in-memory limit of " + maxStateSize + " bytes");
                }
            }

            @Override
            public long getPos() {
                return bytes.size();
            }

            @Override
            public StreamStateHandle closeAndGetHandle() throws IOException {
                if (closed) {
                    throw new IOException(name + " is closed");
                }
                closed = true;
                return new ByteStreamStateHandle(name, bytes.toByteArray());
            }

            @Override
            public void close() {
                closed = true;
            }
        };
    }
}
