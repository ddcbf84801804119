package org.millrace.types.serializers;

import java.io.IOException;
import java.time.LocalTime;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;

/**
 * Serializer for {@link LocalTime}: nanoseconds of the day, 8 bytes. Nulls are rejected.
 * Stateless; shared by all threads through {@link #INSTANCE}.
 */
public final class LocalTimeSerializer extends ImmutableSerializer<LocalTime> {

    public static final LocalTimeSerializer INSTANCE = new LocalTimeSerializer();

    @Override
    public int getLength() {
        return 8;
    }

    @Override
    public void serialize(LocalTime record, DataOutputView target) throws IOException {
        target.writeLong(record.toNanoOfDay());
    }

    @Override
    public LocalTime deserialize(DataInputView source) throws IOException {
        return LocalTime.ofNanoOfDay(source.readLong());
    }
}
