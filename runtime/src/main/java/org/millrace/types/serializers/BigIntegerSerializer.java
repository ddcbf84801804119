package org.millrace.types.serializers;

import java.io.IOException;
import java.math.BigInteger;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;

/**
 * Serializer for {@link BigInteger}. Format: a varint {@code h}; {@code h == 0}: an 8-byte long
 * follows (the value fits in a long, the common case, written without a temporary array);
 * otherwise {@code h - 1} bytes of two's-complement big-endian magnitude follow. Nulls are
 * rejected. Stateless; shared by all threads through {@link #INSTANCE}.
 */
public final class BigIntegerSerializer extends ImmutableSerializer<BigInteger> {

    public static final BigIntegerSerializer INSTANCE = new BigIntegerSerializer();

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(BigInteger record, DataOutputView target) throws IOException {
        write(record, target);
    }

    static void write(BigInteger value, DataOutputView target) throws IOException {
        if (value.bitLength() < 64) {
            target.writeByte(0);
            target.writeLong(value.longValue());
        } else {
            byte[] bytes = value.toByteArray();
            VarInts.writeVarInt(bytes.length + 1, target);
            target.write(bytes);
        }
    }

    @Override
    public BigInteger deserialize(DataInputView source) throws IOException {
        return read(source);
    }

    static BigInteger read(DataInputView source) throws IOException {
        int header = VarInts.readLength(source);
        if (header == 0) {
            return BigInteger.valueOf(source.readLong());
        }
        byte[] bytes = new byte[header - 1];
        source.readFully(bytes);
        return new BigInteger(bytes);
    }
}
