package org.millrace.types.serializers;

import java.io.IOException;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;

/**
 * Serializer for {@link Character}: 2 bytes, big-endian UTF-16 code unit. Nulls are rejected (a container that allows null
 * values writes its own null marker). Stateless; shared by all threads through {@link #INSTANCE}.
 */
public final class CharSerializer extends ImmutableSerializer<Character> {

    public static final CharSerializer INSTANCE = new CharSerializer();

    @Override
    public int getLength() {
        return 2;
    }

    @Override
    public void serialize(Character record, DataOutputView target) throws IOException {
        target.writeChar(record);
    }

    @Override
    public Character deserialize(DataInputView source) throws IOException {
        return source.readChar();
    }
}
