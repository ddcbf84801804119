package org.millrace.types;

import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.charset.StandardCharsets;
import org.millrace.api.typeutils.DataInputView;

/**
 * A {@link DataInputView} over a slice of a byte array, re-pointed with {@link #setBuffer} for
 * every record or buffer without allocating. Owned by one thread (the task that deserializes).
 */
public final class DataInputDeserializer implements DataInputView {

    private byte[] buffer = new byte[0];
    private int position;
    private int end;

    public DataInputDeserializer() {}

    public DataInputDeserializer(byte[] buffer, int start, int length) {
        setBuffer(buffer, start, length);
    }

    public void setBuffer(byte[] buffer, int start, int length) {
        this.buffer = buffer;
        this.position = start;
        this.end = start + length;
    }

    public int getPosition() {
        return position;
    }

    public int available() {
        return end - position;
    }

    private void require(int n) throws EOFException {
        if (end - position < n) {
            throw new EOFException("needed " + n + " bytes, " + (end - position) + " left");
        }
    }

    @Override
    public void readFully(byte[] b) throws IOException {
        readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
        require(len);
        System.arraycopy(buffer, position, b, off, len);
        position += len;
    }

    @Override
    public int skipBytes(int n) {
        int k = Math.min(n, end - position);
        position += k;
        return k;
    }

    @Override
    public void skipBytesToRead(int numBytes) throws IOException {
        require(numBytes);
        position += numBytes;
    }

    @Override
    public boolean readBoolean() throws IOException {
        return readByte() != 0;
    }

    @Override
    public byte readByte() throws IOException {
        require(1);
        return buffer[position++];
    }

    @Override
    public int readUnsignedByte() throws IOException {
        return readByte() & 0xFF;
    }

    @Override
    public short readShort() throws IOException {
        require(2);
        short v = ByteArrays.getShort(buffer, position);
        position += 2;
        return v;
    }

    @Override
    public int readUnsignedShort() throws IOException {
        return readShort() & 0xFFFF;
    }

    @Override
    public char readChar() throws IOException {
        return (char) readShort();
    }

    @Override
    public int readInt() throws IOException {
        require(4);
        int v = ByteArrays.getInt(buffer, position);
        position += 4;
        return v;
    }

    @Override
    public long readLong() throws IOException {
        require(8);
        long v = ByteArrays.getLong(buffer, position);
        position += 8;
        return v;
    }

    @Override
    public float readFloat() throws IOException {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    /**
     * Reads {@code length} bytes as ISO-8859-1 chars (one char per byte) straight into a new
     * string, without a temporary array: the string serializer's ASCII fast path.
     */
    public String readLatin1String(int length) throws IOException {
        require(length);
        String s = new String(buffer, position, length, StandardCharsets.ISO_8859_1);
        position += length;
        return s;
    }

    @Override
    public String readLine() throws IOException {
        if (position >= end) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        while (position < end) {
            char c = (char) (buffer[position++] & 0xFF);
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Override
    public String readUTF() throws IOException {
        int utflen = readUnsignedShort();
        require(utflen);
        char[] chars = new char[utflen];
        int count = 0;
        int stop = position + utflen;
        while (position < stop) {
            int c = buffer[position] & 0xFF;
            if (c < 0x80) {
                position++;
                chars[count++] = (char) c;
            } else if ((c >> 5) == 0x06) {
                if (stop - position < 2) {
                    throw new UTFDataFormatException("malformed input: partial character at end");
                }
                int c2 = buffer[position + 1];
                position += 2;
                chars[count++] = (char) (((c & 0x1F) << 6) | (c2 & 0x3F));
            } else if ((c >> 4) == 0x0E) {
                if (stop - position < 3) {
                    throw new UTFDataFormatException("malformed input: partial character at end");
                }
                int c2 = buffer[position + 1];
                int c3 = buffer[position + 2];
                position += 3;
                chars[count++] = (char) (((c & 0x0F) << 12) | ((c2 & 0x3F) << 6) | (c3 & 0x3F));
            } else {
                throw new UTFDataFormatException("malformed input around byte " + position);
            }
        }
        return new String(chars, 0, count);
    }
}
