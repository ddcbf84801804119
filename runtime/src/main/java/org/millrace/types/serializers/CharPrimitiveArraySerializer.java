package org.millrace.types.serializers;

import java.io.IOException;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * Serializer for {@code char[]}: the length as a varint, then the elements, 2 bytes each, big-endian.
 * A {@code null} array is rejected (containers write their own null marker).
 * {@link #deserialize(char[], DataInputView)} fills {@code reuse} when it has the right length.
 * Stateless; shared by all threads through {@link #INSTANCE}.
 */
public final class CharPrimitiveArraySerializer extends TypeSerializer<char[]> {

    public static final CharPrimitiveArraySerializer INSTANCE = new CharPrimitiveArraySerializer();

    private static final char[] EMPTY = new char[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public CharPrimitiveArraySerializer duplicate() {
        return this;
    }

    @Override
    public char[] createInstance() {
        return EMPTY;
    }

    @Override
    public char[] copy(char[] from) {
        return from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(char[] record, DataOutputView target) throws IOException {
        int length = record.length;
        VarInts.writeVarInt(length, target);
        for (int i = 0; i < length; i++) {
            target.writeChar(record[i]);
        }
    }

    @Override
    public char[] deserialize(DataInputView source) throws IOException {
        return deserialize(null, source);
    }

    @Override
    public char[] deserialize(char[] reuse, DataInputView source) throws IOException {
        int length = VarInts.readLength(source);
        char[] array = reuse != null && reuse.length == length ? reuse : new char[length];
        for (int i = 0; i < length; i++) {
            array[i] = source.readChar();
        }
        return array;
    }

    @Override
    public String toString() {
        return "CharPrimitiveArraySerializer";
    }
}
