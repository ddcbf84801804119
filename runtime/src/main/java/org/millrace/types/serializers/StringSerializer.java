package org.millrace.types.serializers;

import java.io.IOException;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.types.DataInputDeserializer;
import org.millrace.types.DataOutputSerializer;

/**
 * Serializer for {@link String}, null-aware, with no length limit and a bulk path for ASCII.
 *
 * <h3>Format</h3>
 * A header {@code h}, an unsigned varint ({@link VarInts#writeVarLong}, 1 to 5 bytes), then the
 * characters:
 * <ul>
 *   <li>{@code h == 0}: the string is {@code null}; nothing follows.
 *   <li>otherwise let {@code n = h - 1}; the string has {@code n >>> 1} UTF-16 chars and
 *   <ul>
 *     <li>{@code (n & 1) == 0} (every char below 0x80): one byte per char;
 *     <li>{@code (n & 1) == 1}: each char as 1 to 3 bytes of 7 bits, low bits first, the high bit
 *         set on all but its last byte (so chars below 0x80 still take one byte, up to 0x3FFF two).
 *   </ul>
 * </ul>
 * Chars are encoded one UTF-16 code unit at a time, so unpaired surrogates survive the round trip
 * (real UTF-8 would replace them).
 *
 * <p>The writer scans each string once to pick the form; short ASCII strings are checked and
 * copied in the same pass when the target is a {@link DataOutputSerializer}, longer ones copied in
 * bulk ({@link DataOutputView#writeBytes}); ASCII strings are read back with one copy when the
 * source is a {@link DataInputDeserializer}. Other strings are decoded into a scratch char array that this
 * instance keeps, so {@link #duplicate()} returns a new instance and an instance belongs to one
 * thread at a time.
 */
public final class StringSerializer extends TypeSerializer<String> {

    /** Scratch arrays up to this many chars are kept between records; longer ones are dropped after use. */
    private static final int MAX_KEPT_SCRATCH = 1 << 16;

    /** Strings up to this length have a one-byte header ({@code (length << 1 | 1) + 1 < 128}). */
    private static final int MAX_ONE_BYTE_HEADER_LENGTH = 62;

    private char[] scratch = new char[64];

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public StringSerializer duplicate() {
        return new StringSerializer();
    }

    @Override
    public String createInstance() {
        return null;
    }

    @Override
    public String copy(String from) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(String record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeByte(0);
            return;
        }
        int length = record.length();
        if (length <= MAX_ONE_BYTE_HEADER_LENGTH && target instanceof DataOutputSerializer
                && writeShortAscii(record, length, (DataOutputSerializer) target)) {
            return;
        }
        boolean ascii = isAscii(record, length);
        VarInts.writeVarLong(((long) length << 1 | (ascii ? 0 : 1)) + 1, target);
        if (ascii) {
            target.writeBytes(record);
        } else {
            writeChars(record, length, target);
        }
    }

    /**
     * The common case, short ASCII strings into the byte-array view, in one pass straight into its
     * buffer: checks and copies each char together. Returns false, having written nothing, when
     * the string is not ASCII.
     */
    private static boolean writeShortAscii(String s, int length, DataOutputSerializer target) {
        target.ensureCapacity(length + 1);
        byte[] buffer = target.getSharedBuffer();
        int start = target.length();
        int pos = start + 1;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return false;
            }
            buffer[pos++] = (byte) c;
        }
        buffer[start] = (byte) ((length << 1) + 1); // the header of an ASCII string, one varint byte
        target.setPosition(pos);
        return true;
    }

    private static boolean isAscii(String s, int length) {
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static void writeChars(String s, int length, DataOutputView target) throws IOException {
        for (int i = 0; i < length; i++) {
            int c = s.charAt(i);
            if (c < 0x80) {
                target.writeByte(c);
            } else if (c < 0x4000) {
                target.writeByte(c | 0x80);
                target.writeByte(c >>> 7);
            } else {
                target.writeByte(c | 0x80);
                target.writeByte((c >>> 7) | 0x80);
                target.writeByte(c >>> 14);
            }
        }
    }

    @Override
    public String deserialize(DataInputView source) throws IOException {
        long header = VarInts.readVarLong(source);
        if (header == 0) {
            return null;
        }
        long n = header - 1;
        long longLength = n >>> 1;
        if (longLength > Integer.MAX_VALUE - 8) {
            throw new IOException("corrupt string header " + header);
        }
        int length = (int) longLength;
        if ((n & 1) == 0) {
            if (source instanceof DataInputDeserializer) {
                return ((DataInputDeserializer) source).readLatin1String(length);
            }
            char[] chars = scratch(length);
            for (int i = 0; i < length; i++) {
                chars[i] = (char) source.readUnsignedByte();
            }
            return newString(chars, length);
        }
        char[] chars = scratch(length);
        for (int i = 0; i < length; i++) {
            int b = source.readByte();
            if (b >= 0) {
                chars[i] = (char) b;
                continue;
            }
            int c = b & 0x7F;
            b = source.readByte();
            c |= (b & 0x7F) << 7;
            if (b < 0) {
                c |= source.readUnsignedByte() << 14;
            }
            chars[i] = (char) c;
        }
        return newString(chars, length);
    }

    private char[] scratch(int length) {
        char[] chars = scratch;
        if (chars.length < length) {
            chars = new char[Math.max(length, Math.min(MAX_KEPT_SCRATCH, 2 * chars.length))];
            if (chars.length <= MAX_KEPT_SCRATCH) {
                scratch = chars;
            }
        }
        return chars;
    }

    private static String newString(char[] chars, int length) {
        return new String(chars, 0, length);
    }

    @Override
    public String toString() {
        return "StringSerializer";
    }
}
