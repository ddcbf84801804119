package org.millrace.types.serializers;

import java.io.IOException;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * Serializer for {@code float[]}: the length as a varint, then the elements, 4 bytes each, IEEE 754 bits.
 * A {@code null} array is rejected (containers write their own null marker).
 * {@link #deserialize(float[], DataInputView)} fills {@code reuse} when it has the right length.
 * Stateless; shared by all threads through {@link #INSTANCE}.
 */
public final class FloatPrimitiveArraySerializer extends TypeSerializer<float[]> {

    public static final FloatPrimitiveArraySerializer INSTANCE = new FloatPrimitiveArraySerializer();

    private static final float[] EMPTY = new float[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public FloatPrimitiveArraySerializer duplicate() {
        return this;
    }

    @Override
    public float[] createInstance() {
        return EMPTY;
    }

    @Override
    public float[] copy(float[] from) {
        return from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(float[] record, DataOutputView target) throws IOException {
        int length = record.length;
        VarInts.writeVarInt(length, target);
        for (int i = 0; i < length; i++) {
            target.writeFloat(record[i]);
        }
    }

    @Override
    public float[] deserialize(DataInputView source) throws IOException {
        return deserialize(null, source);
    }

    @Override
    public float[] deserialize(float[] reuse, DataInputView source) throws IOException {
        int length = VarInts.readLength(source);
        float[] array = reuse != null && reuse.length == length ? reuse : new float[length];
        for (int i = 0; i < length; i++) {
            array[i] = source.readFloat();
        }
        return array;
    }

    @Override
    public String toString() {
        return "FloatPrimitiveArraySerializer";
    }
}
