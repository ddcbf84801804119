package org.millrace.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes each snapshot stream to a new file in a local directory. The bytes are forced to disk
 * before the handle is returned; a stream closed without {@code closeAndGetHandle} deletes its
 * file. Thread-safe; each stream belongs to one thread. Callers buffer (writes go straight to the
 * channel).
 */
public final class FileCheckpointStreamFactory implements CheckpointStreamFactory {

    private final Path directory;

    public FileCheckpointStreamFactory(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    @Override
    public CheckpointOutputStream createCheckpointOutputStream() throws IOException {
        Path file = directory.resolve("state-" + UUID.randomUUID());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new CheckpointOutputStream() {
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }

            @Override
            public long getPos() throws IOException {
                return channel.position();
            }

            @Override
            public StreamStateHandle closeAndGetHandle() throws IOException {
                long size = channel.position();
                channel.force(true);
                channel.close();
                closed = true;
                return new FileStateHandle(file, size);
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    channel.close();
                    Files.deleteIfExists(file);
                }
            }
        };
    }
}
