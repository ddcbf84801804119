package org.millrace.state;

import java.io.IOException;
import java.net.URI;
import org.millrace.api.fs.Path;
import org.millrace.fs.FSDataInputStream;
import org.millrace.fs.FileSystem;

/**
 * State bytes in a file of any {@link FileSystem} scheme (local disk, HDFS), named by URI so the
 * handle can travel to other processes and into checkpoint metadata. Immutable; any thread.
 */
public final class FileStateHandle implements StreamStateHandle {

    private static final long serialVersionUID = 2L;

    private final String uri;
    private final long size;

    public FileStateHandle(String uri, long size) {
        this.uri = uri;
        this.size = size;
    }

    public FileStateHandle(Path path, long size) {
        this(path.toUri().toString(), size);
    }

    public String getUri() {
        return uri;
    }

    public Path getFilePath() {
        return new Path(URI.create(uri));
    }

    @Override
    public SeekableStateInputStream openInputStream() throws IOException {
        Path path = getFilePath();
        FSDataInputStream in = FileSystem.get(path.toUri()).open(path);
        return new SeekableStateInputStream() {
            @Override
            public void seek(long position) throws IOException {
                in.seek(position);
            }

            @Override
            public long getPos() throws IOException {
                return in.getPos();
            }

            @Override
            public int read() throws IOException {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return in.read(b, off, len);
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    @Override
    public long getStateSize() {
        return size;
    }

    @Override
    public void discardState() throws IOException {
        Path path = getFilePath();
        FileSystem.get(path.toUri()).delete(path, false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileStateHandle f && f.uri.equals(uri) && f.size == size;
    }

    @Override
    public int hashCode() {
        return uri.hashCode();
    }

    @Override
    public String toString() {
        return "FileStateHandle{" + uri + ", " + size + " bytes}";
    }
}
