package org.millrace.types.serializers;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;

/**
 * Serializer for {@link LocalDateTime}: the date as {@link LocalDateSerializer} writes it, then
 * the nanoseconds of the day (8 bytes). Nulls are rejected. Stateless; shared by all threads
 * through {@link #INSTANCE}.
 */
public final class LocalDateTimeSerializer extends ImmutableSerializer<LocalDateTime> {

    public static final LocalDateTimeSerializer INSTANCE = new LocalDateTimeSerializer();

    @Override
    public int getLength() {
        return 14;
    }

    @Override
    public void serialize(LocalDateTime record, DataOutputView target) throws IOException {
        LocalDateSerializer.write(record.toLocalDate(), target);
        target.writeLong(record.toLocalTime().toNanoOfDay());
    }

    @Override
    public LocalDateTime deserialize(DataInputView source) throws IOException {
        return LocalDateTime.of(LocalDateSerializer.read(source), LocalTime.ofNanoOfDay(source.readLong()));
    }
}
