package org.millrace.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A local file opened for writing: a thin layer over a {@link FileChannel}, without a buffer of
 * its own (writers hand it large chunks). Used by the one thread that created it.
 */
final class LocalDataOutputStream extends FSDataOutputStream {

    private final FileChannel channel;

    private long pos;

    LocalDataOutputStream(FileChannel channel) {
        this.channel = channel;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(b, off, len);
        while (bb.hasRemaining()) {
            channel.write(bb);
        }
        pos += len;
    }

    @Override
    public long getPos() {
        return pos;
    }

    @Override
    public void flush() {
        // nothing buffered here: every write went to the channel
    }

    @Override
    public void sync() throws IOException {
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
