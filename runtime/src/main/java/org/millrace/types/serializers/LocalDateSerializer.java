package org.millrace.types.serializers;

import java.io.IOException;
import java.time.LocalDate;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;

/**
 * Serializer for {@link LocalDate}: year (4 bytes), month and day (1 byte each). Nulls are
 * rejected. Stateless; shared by all threads through {@link #INSTANCE}.
 */
public final class LocalDateSerializer extends ImmutableSerializer<LocalDate> {

    public static final LocalDateSerializer INSTANCE = new LocalDateSerializer();

    @Override
    public int getLength() {
        return 6;
    }

    @Override
    public void serialize(LocalDate record, DataOutputView target) throws IOException {
        write(record, target);
    }

    static void write(LocalDate date, DataOutputView target) throws IOException {
        target.writeInt(date.getYear());
        target.writeByte(date.getMonthValue());
        target.writeByte(date.getDayOfMonth());
    }

    @Override
    public LocalDate deserialize(DataInputView source) throws IOException {
        return read(source);
    }

    static LocalDate read(DataInputView source) throws IOException {
        int year = source.readInt();
        int month = source.readByte();
        return LocalDate.of(year, month, source.readByte());
    }
}
