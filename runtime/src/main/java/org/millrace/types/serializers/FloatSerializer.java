package org.millrace.types.serializers;

import java.io.IOException;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;

/**
 * Serializer for {@link Float}: 4 bytes, IEEE 754 bits, big-endian. Nulls are rejected (a container that allows null
 * values writes its own null marker). Stateless; shared by all threads through {@link #INSTANCE}.
 */
public final class FloatSerializer extends ImmutableSerializer<Float> {

    public static final FloatSerializer INSTANCE = new FloatSerializer();

    @Override
    public int getLength() {
        return 4;
    }

    @Override
    public void serialize(Float record, DataOutputView target) throws IOException {
        target.writeFloat(record);
    }

    @Override
    public Float deserialize(DataInputView source) throws IOException {
        return source.readFloat();
    }
}
