package org.millrace.fs.hdfs;

import java.io.IOException;
import org.millrace.api.fs.Path;
import org.millrace.fs.FSDataOutputStream;
import org.millrace.fs.FileSystem.WriteMode;

/**
 * A file of a {@link HadoopFileSystem} opened for writing. {@link #flush} is Hadoop's
 * {@code hflush} (the bytes reach all DataNodes of the pipeline and new readers see them) and
 * {@link #sync} is {@code hsync} (the DataNodes also force them to disk); a Hadoop stream without
 * those falls back to a plain flush. Used by the one thread that created it.
 */
final class HadoopDataOutputStream extends FSDataOutputStream {

    private final org.apache.hadoop.fs.FSDataOutputStream out;

    /** For the message if the file system finds out only at the end that the file existed. */
    private final Path path;
    private final WriteMode writeMode;

    HadoopDataOutputStream(org.apache.hadoop.fs.FSDataOutputStream out, Path path, WriteMode writeMode) {
        this.out = out;
        this.path = path;
        this.writeMode = writeMode;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public long getPos() {
        return out.getPos();
    }

    @Override
    public void flush() throws IOException {
        out.hflush();
    }

    @Override
    public void sync() throws IOException {
        out.hsync();
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            throw HadoopFileSystem.alreadyExists(path, writeMode, e);
        }
    }
}
