package org.millrace.types.serializers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.millrace.types.serializers.SerializerTestHarness.assertRoundTrips;
import static org.millrace.types.serializers.SerializerTestHarness.serialize;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Date;
import org.junit.jupiter.api.Test;

class BasicSerializersTest {

    @Test
    void boxedPrimitives_roundTripWithEdgeValues() throws Exception {
        assertRoundTrips(BooleanSerializer.INSTANCE, true, false);
        assertRoundTrips(ByteSerializer.INSTANCE, (byte) 0, Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) -1);
        assertRoundTrips(ShortSerializer.INSTANCE, (short) 0, Short.MIN_VALUE, Short.MAX_VALUE);
        assertRoundTrips(CharSerializer.INSTANCE, 'a', '\u0000', '\uffff', '\ud800');
        assertRoundTrips(IntSerializer.INSTANCE, 0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE);
        assertRoundTrips(LongSerializer.INSTANCE, 0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 40);
        assertRoundTrips(FloatSerializer.INSTANCE, 0f, -0f, Float.NaN, Float.MIN_VALUE, Float.NEGATIVE_INFINITY, 3.5f);
        assertRoundTrips(DoubleSerializer.INSTANCE, 0d, -0d, Double.NaN, Double.MAX_VALUE, Double.POSITIVE_INFINITY, -2.25);
    }

    @Test
    void longSerializer_writesEightBigEndianBytes() {
        assertThat(serialize(LongSerializer.INSTANCE, 0x0102030405060708L)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(serialize(IntSerializer.INSTANCE, -2)).containsExactly(0xFF, 0xFF, 0xFF, 0xFE);
    }

    @Test
    void voidSerializer_writesOneByteAndReadsNull() throws Exception {
        assertThat(serialize(VoidSerializer.INSTANCE, null)).containsExactly(0);
        assertRoundTrips(VoidSerializer.INSTANCE, null, null);
    }

    @Test
    void bigNumbersAndInstants_roundTrip() throws Exception {
        assertRoundTrips(BigIntegerSerializer.INSTANCE, BigInteger.ZERO, BigInteger.valueOf(Long.MIN_VALUE),
                BigInteger.valueOf(Long.MAX_VALUE), BigInteger.ONE.shiftLeft(63), BigInteger.ONE.shiftLeft(200).negate(),
                new BigInteger("123456789012345678901234567890"));
        assertRoundTrips(BigDecimalSerializer.INSTANCE, BigDecimal.ZERO, new BigDecimal("-12.3400"),
                new BigDecimal("1e-30"), new BigDecimal("98765432109876543210.0123456789"), new BigDecimal("5E+7"));
        assertRoundTrips(InstantSerializer.INSTANCE, Instant.EPOCH, Instant.MIN, Instant.MAX,
                Instant.ofEpochSecond(1_700_000_000L, 123_456_789));
    }

    @Test
    void datesAndLocalTimes_roundTrip() throws Exception {
        assertRoundTrips(DateSerializer.INSTANCE, new Date(0), new Date(1_700_000_000_123L), new Date(-5));
        assertRoundTrips(LocalDateSerializer.INSTANCE, LocalDate.of(2024, 2, 29), LocalDate.MIN, LocalDate.MAX);
        assertRoundTrips(LocalTimeSerializer.INSTANCE, LocalTime.MIDNIGHT, LocalTime.MAX, LocalTime.of(13, 37, 0, 5));
        assertRoundTrips(LocalDateTimeSerializer.INSTANCE, LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_999),
                LocalDateTime.MIN, LocalDateTime.MAX);
    }

    @Test
    void date_isMutable_soCopiesAreNewAndReuseIsFilled() throws Exception {
        Date original = new Date(42);
        assertThat(DateSerializer.INSTANCE.copy(original)).isEqualTo(original).isNotSameAs(original);
        Date reuse = new Date(1);
        byte[] bytes = serialize(DateSerializer.INSTANCE, original);
        assertThat(DateSerializer.INSTANCE.deserialize(reuse, new org.millrace.types.DataInputDeserializer(bytes, 0, bytes.length)))
                .isSameAs(reuse).isEqualTo(original);
    }

    @Test
    void bigInteger_fittingInALong_takesNineBytes() {
        assertThat(serialize(BigIntegerSerializer.INSTANCE, BigInteger.valueOf(-5))).hasSize(9);
    }

    enum Color { RED, GREEN, BLUE }

    @Test
    void enumSerializer_writesTheOrdinal() throws Exception {
        EnumSerializer<Color> serializer = new EnumSerializer<>(Color.class);
        assertThat(serialize(serializer, Color.BLUE)).containsExactly(2);
        assertRoundTrips(serializer, Color.RED, Color.GREEN, Color.BLUE);
    }

    @Test
    void varInts_roundTripAcrossAllLengths() throws Exception {
        int[] ints = {0, 1, 127, 128, 16383, 16384, Integer.MAX_VALUE, -1, Integer.MIN_VALUE};
        long[] longs = {0, 127, 128, 1L << 35, Long.MAX_VALUE, -1L, Long.MIN_VALUE};
        org.millrace.types.DataOutputSerializer out = new org.millrace.types.DataOutputSerializer(4);
        for (int v : ints) {
            VarInts.writeVarInt(v, out);
        }
        for (long v : longs) {
            VarInts.writeVarLong(v, out);
        }
        org.millrace.types.DataInputDeserializer in = new org.millrace.types.DataInputDeserializer(out.getSharedBuffer(), 0, out.length());
        for (int v : ints) {
            assertThat(VarInts.readVarInt(in)).isEqualTo(v);
        }
        for (long v : longs) {
            assertThat(VarInts.readVarLong(in)).isEqualTo(v);
        }
        assertThat(in.available()).isZero();
        assertThat(serialize(IntSerializer.INSTANCE, 0)).hasSize(4);
    }
}
