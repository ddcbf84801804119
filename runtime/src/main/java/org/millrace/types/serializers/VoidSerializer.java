package org.millrace.types.serializers;

import java.io.IOException;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;

/**
 * Serializer for {@link Void}, whose only value is {@code null}: writes one zero byte, so that a
 * record never has zero length. Stateless; shared by all threads through {@link #INSTANCE}.
 */
public final class VoidSerializer extends ImmutableSerializer<Void> {

    public static final VoidSerializer INSTANCE = new VoidSerializer();

    @Override
    public int getLength() {
        return 1;
    }

    @Override
    public void serialize(Void record, DataOutputView target) throws IOException {
        target.writeByte(0);
    }

    @Override
    public Void deserialize(DataInputView source) throws IOException {
        source.readByte();
        return null;
    }
}
