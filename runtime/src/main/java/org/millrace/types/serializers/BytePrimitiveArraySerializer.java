package org.millrace.types.serializers;

import java.io.IOException;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * Serializer for {@code byte[]}: the length as a varint, then the bytes (one bulk copy each way).
 * A {@code null} array is rejected (containers write their own null marker).
 * {@link #deserialize(byte[], DataInputView)} fills {@code reuse} when it has the right length.
 * Stateless; shared by all threads through {@link #INSTANCE}.
 */
public final class BytePrimitiveArraySerializer extends TypeSerializer<byte[]> {

    public static final BytePrimitiveArraySerializer INSTANCE = new BytePrimitiveArraySerializer();

    private static final byte[] EMPTY = new byte[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public BytePrimitiveArraySerializer duplicate() {
        return this;
    }

    @Override
    public byte[] createInstance() {
        return EMPTY;
    }

    @Override
    public byte[] copy(byte[] from) {
        return from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(byte[] record, DataOutputView target) throws IOException {
        VarInts.writeVarInt(record.length, target);
        target.write(record);
    }

    @Override
    public byte[] deserialize(DataInputView source) throws IOException {
        return deserialize(null, source);
    }

    @Override
    public byte[] deserialize(byte[] reuse, DataInputView source) throws IOException {
        int length = VarInts.readLength(source);
        byte[] array = reuse != null && reuse.length == length ? reuse : new byte[length];
        source.readFully(array);
        return array;
    }

    @Override
    public String toString() {
        return "BytePrimitiveArraySerializer";
    }
}
