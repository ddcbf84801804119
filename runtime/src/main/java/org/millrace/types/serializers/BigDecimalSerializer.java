package org.millrace.types.serializers;

import java.io.IOException;
import java.math.BigDecimal;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;

/**
 * Serializer for {@link BigDecimal}: the unscaled value in {@link BigIntegerSerializer}'s format,
 * then the scale as a 4-byte int. Nulls are rejected. Stateless; shared by all threads through
 * {@link #INSTANCE}.
 */
public final class BigDecimalSerializer extends ImmutableSerializer<BigDecimal> {

    public static final BigDecimalSerializer INSTANCE = new BigDecimalSerializer();

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(BigDecimal record, DataOutputView target) throws IOException {
        BigIntegerSerializer.write(record.unscaledValue(), target);
        target.writeInt(record.scale());
    }

    @Override
    public BigDecimal deserialize(DataInputView source) throws IOException {
        return new BigDecimal(BigIntegerSerializer.read(source), source.readInt());
    }
}
