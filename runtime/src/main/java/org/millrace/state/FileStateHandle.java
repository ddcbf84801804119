package org.millrace.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** State bytes in a local file (made by {@link FileCheckpointStreamFactory}). Immutable; any thread. */
public final class FileStateHandle implements StreamStateHandle {

    private static final long serialVersionUID = 1L;

    /** A string, as {@link Path} is not serializable. */
    private final String path;
    private final long size;

    public FileStateHandle(Path path, long size) {
        this.path = path.toAbsolutePath().toString();
        this.size = size;
    }

    public Path getPath() {
        return Path.of(path);
    }

    @Override
    public SeekableStateInputStream openInputStream() throws IOException {
        FileChannel channel = FileChannel.open(getPath(), StandardOpenOption.READ);
        return new SeekableStateInputStream() {
            private final ByteBuffer one = ByteBuffer.allocate(1);

            @Override
            public void seek(long position) throws IOException {
                channel.position(position);
            }

            @Override
            public long getPos() throws IOException {
                return channel.position();
            }

            @Override
            public int read() throws IOException {
                one.clear();
                int n = channel.read(one);
                return n <= 0 ? -1 : one.get(0) & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return len == 0 ? 0 : channel.read(ByteBuffer.wrap(b, off, len));
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    @Override
    public long getStateSize() {
        return size;
    }

    @Override
    public void discardState() throws IOException {
        Files.deleteIfExists(getPath());
    }

    @Override
    public String toString() {
        return "FileStateHandle{" + path + ", " + size + " bytes}";
    }
}
