package org.millrace.types.serializers;

import java.io.IOException;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;

/**
 * Serializer for {@link Boolean}: one byte, 0 or 1. Nulls are rejected (a container that allows null
 * values writes its own null marker). Stateless; shared by all threads through {@link #INSTANCE}.
 */
public final class BooleanSerializer extends ImmutableSerializer<Boolean> {

    public static final BooleanSerializer INSTANCE = new BooleanSerializer();

    @Override
    public int getLength() {
        return 1;
    }

    @Override
    public void serialize(Boolean record, DataOutputView target) throws IOException {
        target.writeBoolean(record);
    }

    @Override
    public Boolean deserialize(DataInputView source) throws IOException {
        return source.readBoolean();
    }
}
