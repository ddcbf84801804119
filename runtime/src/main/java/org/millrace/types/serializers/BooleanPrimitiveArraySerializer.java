package org.millrace.types.serializers;

import java.io.IOException;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * Serializer for {@code boolean[]}: the length as a varint, then the elements, one byte each.
 * A {@code null} array is rejected (containers write their own null marker).
 * {@link #deserialize(boolean[], DataInputView)} fills {@code reuse} when it has the right length.
 * Stateless; shared by all threads through {@link #INSTANCE}.
 */
public final class BooleanPrimitiveArraySerializer extends TypeSerializer<boolean[]> {

    public static final BooleanPrimitiveArraySerializer INSTANCE = new BooleanPrimitiveArraySerializer();

    private static final boolean[] EMPTY = new boolean[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public BooleanPrimitiveArraySerializer duplicate() {
        return this;
    }

    @Override
    public boolean[] createInstance() {
        return EMPTY;
    }

    @Override
    public boolean[] copy(boolean[] from) {
        return from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(boolean[] record, DataOutputView target) throws IOException {
        int length = record.length;
        VarInts.writeVarInt(length, target);
        for (int i = 0; i < length; i++) {
            target.writeBoolean(record[i]);
        }
    }

    @Override
    public boolean[] deserialize(DataInputView source) throws IOException {
        return deserialize(null, source);
    }

    @Override
    public boolean[] deserialize(boolean[] reuse, DataInputView source) throws IOException {
        int length = VarInts.readLength(source);
        boolean[] array = reuse != null && reuse.length == length ? reuse : new boolean[length];
        for (int i = 0; i < length; i++) {
            array[i] = source.readBoolean();
        }
        return array;
    }

    @Override
    public String toString() {
        return "BooleanPrimitiveArraySerializer";
    }
}
