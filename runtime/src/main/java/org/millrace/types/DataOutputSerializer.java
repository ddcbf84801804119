package org.millrace.types;

import java.io.IOException;
import java.io.UTFDataFormatException;
import java.util.Arrays;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;

/**
 * A {@link DataOutputView} over a growable byte array, reused record after record: after
 * {@link #clear()} it writes from position 0 again without allocating. The record path serializes
 * each record here and copies the bytes into network buffers or state.
 *
 * <p>Owned by one thread (the task that serializes).
 */
public final class DataOutputSerializer implements DataOutputView {

    private byte[] buffer;
    private int position;

    public DataOutputSerializer(int initialSize) {
        this.buffer = new byte[Math.max(16, initialSize)];
    }

    public void clear() {
        position = 0;
    }

    public int length() {
        return position;
    }

    /** The backing array; valid bytes are [0, {@link #length()}). */
    public byte[] getSharedBuffer() {
        return buffer;
    }

    public byte[] getCopyOfBuffer() {
        return Arrays.copyOf(buffer, position);
    }

    /** Overwrites 4 bytes at {@code pos} (for length prefixes written after the payload). */
    public void putIntAt(int pos, int v) {
        buffer[pos] = (byte) (v >>> 24);
        buffer[pos + 1] = (byte) (v >>> 16);
        buffer[pos + 2] = (byte) (v >>> 8);
        buffer[pos + 3] = (byte) v;
    }

    /** Makes room for {@code extra} more bytes, so a caller can fill {@link #getSharedBuffer()} directly. */
    public void ensureCapacity(int extra) {
        ensure(extra);
    }

    /** Moves the write position (after writing into {@link #getSharedBuffer()} directly); within the capacity. */
    public void setPosition(int position) {
        if (position < 0 || position > buffer.length) {
            throw new IndexOutOfBoundsException("position " + position + " outside [0, " + buffer.length + "]");
        }
        this.position = position;
    }

    private void ensure(int extra) {
        int need = position + extra;
        if (need > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(need, buffer.length * 2));
        }
    }

    @Override
    public void write(int b) {
        ensure(1);
        buffer[position++] = (byte) b;
    }

    @Override
    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buffer, position, len);
        position += len;
    }

    @Override
    public void write(DataInputView source, int numBytes) throws IOException {
        ensure(numBytes);
        source.readFully(buffer, position, numBytes);
        position += numBytes;
    }

    @Override
    public void writeBoolean(boolean v) {
        write(v ? 1 : 0);
    }

    @Override
    public void writeByte(int v) {
        write(v);
    }

    @Override
    public void writeShort(int v) {
        ensure(2);
        ByteArrays.putShort(buffer, position, (short) v);
        position += 2;
    }

    @Override
    public void writeChar(int v) {
        writeShort(v);
    }

    @Override
    public void writeInt(int v) {
        ensure(4);
        ByteArrays.putInt(buffer, position, v);
        position += 4;
    }

    @Override
    public void writeLong(long v) {
        ensure(8);
        ByteArrays.putLong(buffer, position, v);
        position += 8;
    }

    @Override
    public void writeFloat(float v) {
        writeInt(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(double v) {
        writeLong(Double.doubleToLongBits(v));
    }

    /** Writes the low byte of each char, as {@link java.io.DataOutput#writeBytes} (one bulk copy). */
    @Override
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) is exactly "low byte of each char"
    public void writeBytes(String s) {
        int len = s.length();
        ensure(len);
        s.getBytes(0, len, buffer, position);
        position += len;
    }

    @Override
    public void writeChars(String s) {
        int len = s.length();
        ensure(2 * len);
        for (int i = 0; i < len; i++) {
            ByteArrays.putShort(buffer, position, (short) s.charAt(i));
            position += 2;
        }
    }

    /** Java's modified UTF-8 with an unsigned-short length prefix, as {@link java.io.DataOutputStream}. */
    @Override
    public void writeUTF(String s) throws IOException {
        int len = s.length();
        int utflen = len;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c == 0) {
                utflen += (c >= 0x800) ? 2 : 1;
            }
        }
        if (utflen > 65535) {
            throw new UTFDataFormatException("string too long for writeUTF: " + utflen + " bytes");
        }
        ensure(utflen + 2);
        ByteArrays.putShort(buffer, position, (short) utflen);
        position += 2;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80 && c != 0) {
                buffer[position++] = (byte) c;
            } else if (c >= 0x800) {
                buffer[position++] = (byte) (0xE0 | ((c >> 12) & 0x0F));
                buffer[position++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buffer[position++] = (byte) (0x80 | (c & 0x3F));
            } else {
                buffer[position++] = (byte) (0xC0 | ((c >> 6) & 0x1F));
                buffer[position++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }
}
