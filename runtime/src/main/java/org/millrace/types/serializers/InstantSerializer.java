package org.millrace.types.serializers;

import java.io.IOException;
import java.time.Instant;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;

/**
 * Serializer for {@link Instant}: epoch seconds (8 bytes) and nanoseconds (4 bytes). Nulls are
 * rejected. Stateless; shared by all threads through {@link #INSTANCE}.
 */
public final class InstantSerializer extends ImmutableSerializer<Instant> {

    public static final InstantSerializer INSTANCE = new InstantSerializer();

    @Override
    public int getLength() {
        return 12;
    }

    @Override
    public void serialize(Instant record, DataOutputView target) throws IOException {
        target.writeLong(record.getEpochSecond());
        target.writeInt(record.getNano());
    }

    @Override
    public Instant deserialize(DataInputView source) throws IOException {
        return Instant.ofEpochSecond(source.readLong(), source.readInt());
    }
}
