package org.millrace.types.serializers;

import java.io.IOException;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * Serializer for {@code long[]}: the length as a varint, then the elements, 8 bytes each, big-endian.
 * A {@code null} array is rejected (containers write their own null marker).
 * {@link #deserialize(long[], DataInputView)} fills {@code reuse} when it has the right length.
 * Stateless; shared by all threads through {@link #INSTANCE}.
 */
public final class LongPrimitiveArraySerializer extends TypeSerializer<long[]> {

    public static final LongPrimitiveArraySerializer INSTANCE = new LongPrimitiveArraySerializer();

    private static final long[] EMPTY = new long[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public LongPrimitiveArraySerializer duplicate() {
        return this;
    }

    @Override
    public long[] createInstance() {
        return EMPTY;
    }

    @Override
    public long[] copy(long[] from) {
        return from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(long[] record, DataOutputView target) throws IOException {
        int length = record.length;
        VarInts.writeVarInt(length, target);
        for (int i = 0; i < length; i++) {
            target.writeLong(record[i]);
        }
    }

    @Override
    public long[] deserialize(DataInputView source) throws IOException {
        return deserialize(null, source);
    }

    @Override
    public long[] deserialize(long[] reuse, DataInputView source) throws IOException {
        int length = VarInts.readLength(source);
        long[] array = reuse != null && reuse.length == length ? reuse : new long[length];
        for (int i = 0; i < length; i++) {
            array[i] = source.readLong();
        }
        return array;
    }

    @Override
    public String toString() {
        return "LongPrimitiveArraySerializer";
    }
}
