package org.millrace.types.serializers;

import java.io.IOException;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;

/**
 * Serializer for {@link Byte}: one byte. Nulls are rejected (a container that allows null
 * values writes its own null marker). Stateless; shared by all threads through {@link #INSTANCE}.
 */
public final class ByteSerializer extends ImmutableSerializer<Byte> {

    public static final ByteSerializer INSTANCE = new ByteSerializer();

    @Override
    public int getLength() {
        return 1;
    }

    @Override
    public void serialize(Byte record, DataOutputView target) throws IOException {
        target.writeByte(record);
    }

    @Override
    public Byte deserialize(DataInputView source) throws IOException {
        return source.readByte();
    }
}
