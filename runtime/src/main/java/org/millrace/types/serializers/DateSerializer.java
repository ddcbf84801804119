package org.millrace.types.serializers;

import java.io.IOException;
import java.util.Date;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * Serializer for {@link java.util.Date}: epoch milliseconds, 8 bytes. Dates are mutable, so copies
 * are new objects and a reused date is set in place. Nulls are rejected. Stateless; shared by all
 * threads through {@link #INSTANCE}.
 */
public final class DateSerializer extends TypeSerializer<Date> {

    public static final DateSerializer INSTANCE = new DateSerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public DateSerializer duplicate() {
        return this;
    }

    @Override
    public Date createInstance() {
        return new Date(0);
    }

    @Override
    public Date copy(Date from) {
        return new Date(from.getTime());
    }

    @Override
    public int getLength() {
        return 8;
    }

    @Override
    public void serialize(Date record, DataOutputView target) throws IOException {
        target.writeLong(record.getTime());
    }

    @Override
    public Date deserialize(DataInputView source) throws IOException {
        return new Date(source.readLong());
    }

    @Override
    public Date deserialize(Date reuse, DataInputView source) throws IOException {
        if (reuse == null || reuse.getClass() != Date.class) {
            return deserialize(source);
        }
        reuse.setTime(source.readLong());
        return reuse;
    }

    @Override
    public String toString() {
        return "DateSerializer";
    }
}
