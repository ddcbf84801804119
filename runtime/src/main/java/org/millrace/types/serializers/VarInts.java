package org.millrace.types.serializers;

import java.io.IOException;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;

/**
 * Unsigned LEB128 variable-length integers: 7 bits per byte, low-order group first, the high bit
 * set on every byte except the last. Lengths below 128 take one byte. Stateless; any thread.
 */
public final class VarInts {

    private VarInts() {}

    /** Writes {@code value} as an unsigned varint (1 to 5 bytes). */
    public static void writeVarInt(int value, DataOutputView out) throws IOException {
        while ((value & ~0x7F) != 0) {
            out.writeByte((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.writeByte(value);
    }

    /** Reads an unsigned varint written by {@link #writeVarInt}. */
    public static int readVarInt(DataInputView in) throws IOException {
        int b = in.readByte();
        if (b >= 0) {
            return b;
        }
        int value = b & 0x7F;
        for (int shift = 7; shift < 35; shift += 7) {
            b = in.readByte();
            value |= (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IOException("malformed varint: more than 5 bytes");
    }

    /** Writes {@code value} as an unsigned varint (1 to 10 bytes). */
    public static void writeVarLong(long value, DataOutputView out) throws IOException {
        while ((value & ~0x7FL) != 0) {
            out.writeByte((int) (value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.writeByte((int) value);
    }

    /** Reads an unsigned varint written by {@link #writeVarLong}. */
    public static long readVarLong(DataInputView in) throws IOException {
        int b = in.readByte();
        if (b >= 0) {
            return b;
        }
        long value = b & 0x7F;
        for (int shift = 7; shift < 70; shift += 7) {
            b = in.readByte();
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IOException("malformed varint: more than 10 bytes");
    }

    /** Reads a varint that must be a length (non-negative int). */
    static int readLength(DataInputView in) throws IOException {
        int length = readVarInt(in);
        if (length < 0) {
            throw new IOException("corrupt length " + (length & 0xFFFFFFFFL));
        }
        return length;
    }
}
