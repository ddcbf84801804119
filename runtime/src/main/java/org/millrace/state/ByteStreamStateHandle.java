package org.millrace.state;

import java.io.IOException;

/** State bytes kept in the handle itself (made by {@link MemoryCheckpointStreamFactory}). Immutable; any thread. */
public final class ByteStreamStateHandle implements StreamStateHandle {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final byte[] data;

    public ByteStreamStateHandle(String name, byte[] data) {
        this.name = name;
        this.data = data;
    }

    public String getName() {
        return name;
    }

    /** The bytes themselves (not copied: do not change them). */
    public byte[] getData() {
        return data;
    }

    @Override
    public SeekableStateInputStream openInputStream() {
        return new SeekableStateInputStream() {
            private int pos;

            @Override
            public void seek(long position) throws IOException {
                if (position < 0 || position > data.length) {
                    throw new IOException("position " + position + " outside " + data.length + " bytes of " + name);
                }
                pos = (int) position;
            }

            @Override
            public long getPos() {
                return pos;
            }

            @Override
            public int read() {
                return pos < data.length ? data[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                int n = Math.min(len, data.length - pos);
                if (n <= 0) {
                    return -1;
                }
                System.arraycopy(data, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    @Override
    public long getStateSize() {
        return data.length;
    }

    @Override
    public void discardState() {}

    @Override
    public String toString() {
        return "ByteStreamStateHandle{" + name + ", " + data.length + " bytes}";
    }
}
