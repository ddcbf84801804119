package org.millrace.types.serializers;

import java.io.IOException;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;

/**
 * Serializer for {@link Short}: 2 bytes, big-endian. Nulls are rejected (a container that allows null
 * values writes its own null marker). Stateless; shared by all threads through {@link #INSTANCE}.
 */
public final class ShortSerializer extends ImmutableSerializer<Short> {

    public static final ShortSerializer INSTANCE = new ShortSerializer();

    @Override
    public int getLength() {
        return 2;
    }

    @Override
    public void serialize(Short record, DataOutputView target) throws IOException {
        target.writeShort(record);
    }

    @Override
    public Short deserialize(DataInputView source) throws IOException {
        return source.readShort();
    }
}
