package org.millrace.types.serializers;

import java.io.IOException;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * Serializer for {@code short[]}: the length as a varint, then the elements, 2 bytes each, big-endian.
 * A {@code null} array is rejected (containers write their own null marker).
 * {@link #deserialize(short[], DataInputView)} fills {@code reuse} when it has the right length.
 * Stateless; shared by all threads through {@link #INSTANCE}.
 */
public final class ShortPrimitiveArraySerializer extends TypeSerializer<short[]> {

    public static final ShortPrimitiveArraySerializer INSTANCE = new ShortPrimitiveArraySerializer();

    private static final short[] EMPTY = new short[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public ShortPrimitiveArraySerializer duplicate() {
        return this;
    }

    @Override
    public short[] createInstance() {
        return EMPTY;
    }

    @Override
    public short[] copy(short[] from) {
        return from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(short[] record, DataOutputView target) throws IOException {
        int length = record.length;
        VarInts.writeVarInt(length, target);
        for (int i = 0; i < length; i++) {
            target.writeShort(record[i]);
        }
    }

    @Override
    public short[] deserialize(DataInputView source) throws IOException {
        return deserialize(null, source);
    }

    @Override
    public short[] deserialize(short[] reuse, DataInputView source) throws IOException {
        int length = VarInts.readLength(source);
        short[] array = reuse != null && reuse.length == length ? reuse : new short[length];
        for (int i = 0; i < length; i++) {
            array[i] = source.readShort();
        }
        return array;
    }

    @Override
    public String toString() {
        return "ShortPrimitiveArraySerializer";
    }
}
