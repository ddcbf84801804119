package org.millrace.types.serializers;

import java.io.IOException;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * Serializer for {@code int[]}: the length as a varint, then the elements, 4 bytes each, big-endian.
 * A {@code null} array is rejected (containers write their own null marker).
 * {@link #deserialize(int[], DataInputView)} fills {@code reuse} when it has the right length.
 * Stateless; shared by all threads through {@link #INSTANCE}.
 */
public final class IntPrimitiveArraySerializer extends TypeSerializer<int[]> {

    public static final IntPrimitiveArraySerializer INSTANCE = new IntPrimitiveArraySerializer();

    private static final int[] EMPTY = new int[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public IntPrimitiveArraySerializer duplicate() {
        return this;
    }

    @Override
    public int[] createInstance() {
        return EMPTY;
    }

    @Override
    public int[] copy(int[] from) {
        return from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(int[] record, DataOutputView target) throws IOException {
        int length = record.length;
        VarInts.writeVarInt(length, target);
        for (int i = 0; i < length; i++) {
            target.writeInt(record[i]);
        }
    }

    @Override
    public int[] deserialize(DataInputView source) throws IOException {
        return deserialize(null, source);
    }

    @Override
    public int[] deserialize(int[] reuse, DataInputView source) throws IOException {
        int length = VarInts.readLength(source);
        int[] array = reuse != null && reuse.length == length ? reuse : new int[length];
        for (int i = 0; i < length; i++) {
            array[i] = source.readInt();
        }
        return array;
    }

    @Override
    public String toString() {
        return "IntPrimitiveArraySerializer";
    }
}
