package org.millrace.fs.hdfs;

import java.io.IOException;
import org.millrace.fs.FSDataInputStream;

/**
 * A file of a {@link HadoopFileSystem} opened for reading: delegates to Hadoop's stream, which
 * buffers and fetches blocks itself. Used by the one thread that opened it.
 */
final class HadoopDataInputStream extends FSDataInputStream {

    private final org.apache.hadoop.fs.FSDataInputStream in;

    HadoopDataInputStream(org.apache.hadoop.fs.FSDataInputStream in) {
        this.in = in;
    }

    @Override
    public void seek(long desired) throws IOException {
        // HDFS drops its block reader on every seek; a reader resuming where it stands need not pay that.
        if (desired != in.getPos()) {
            in.seek(desired);
        }
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
    public long skip(long n) throws IOException {
        return in.skip(n);
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
