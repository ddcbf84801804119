package org.millrace.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A local file opened for reading: a thin layer over a {@link FileChannel} (no buffer of its own;
 * readers read in large chunks). Used by the one thread that opened it.
 */
final class LocalDataInputStream extends FSDataInputStream {

    private final FileChannel channel;

    /** Reused for single-byte reads. */
    private final byte[] single = new byte[1];

    LocalDataInputStream(FileChannel channel) {
        this.channel = channel;
    }

    @Override
    public void seek(long desired) throws IOException {
        if (desired < 0) {
            throw new IOException("Cannot seek to negative offset " + desired);
        }
        channel.position(desired);
    }

    @Override
    public long getPos() throws IOException {
        return channel.position();
    }

    @Override
    public int read() throws IOException {
        int n = read(single, 0, 1);
        return n <= 0 ? -1 : single[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        return channel.read(ByteBuffer.wrap(b, off, len));
    }

    @Override
    public long skip(long n) throws IOException {
        if (n <= 0) {
            return 0;
        }
        long pos = channel.position();
        long skipped = Math.max(0, Math.min(n, channel.size() - pos));
        channel.position(pos + skipped);
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, channel.size() - channel.position()));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
