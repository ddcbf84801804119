package org.millrace.types.serializers;

import java.io.IOException;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * Serializer for {@code double[]}: the length as a varint, then the elements, 8 bytes each, IEEE 754 bits.
 * A {@code null} array is rejected (containers write their own null marker).
 * {@link #deserialize(double[], DataInputView)} fills {@code reuse} when it has the right length.
 * Stateless; shared by all threads through {@link #INSTANCE}.
 */
public final class DoublePrimitiveArraySerializer extends TypeSerializer<double[]> {

    public static final DoublePrimitiveArraySerializer INSTANCE = new DoublePrimitiveArraySerializer();

    private static final double[] EMPTY = new double[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public DoublePrimitiveArraySerializer duplicate() {
        return this;
    }

    @Override
    public double[] createInstance() {
        return EMPTY;
    }

    @Override
    public double[] copy(double[] from) {
        return from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(double[] record, DataOutputView target) throws IOException {
        int length = record.length;
        VarInts.writeVarInt(length, target);
        for (int i = 0; i < length; i++) {
            target.writeDouble(record[i]);
        }
    }

    @Override
    public double[] deserialize(DataInputView source) throws IOException {
        return deserialize(null, source);
    }

    @Override
    public double[] deserialize(double[] reuse, DataInputView source) throws IOException {
        int length = VarInts.readLength(source);
        double[] array = reuse != null && reuse.length == length ? reuse : new double[length];
        for (int i = 0; i < length; i++) {
            array[i] = source.readDouble();
        }
        return array;
    }

    @Override
    public String toString() {
        return "DoublePrimitiveArraySerializer";
    }
}
