package org.millrace.types.serializers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.millrace.types.serializers.SerializerTestHarness.assertRoundTrips;
import static org.millrace.types.serializers.SerializerTestHarness.serialize;

import org.junit.jupiter.api.Test;
import org.millrace.types.DataInputDeserializer;

class ArraySerializersTest {

    @Test
    void primitiveArrays_roundTripIncludingEmpty() throws Exception {
        assertRoundTrips(BooleanPrimitiveArraySerializer.INSTANCE, new boolean[0], new boolean[] {true, false, true});
        assertRoundTrips(BytePrimitiveArraySerializer.INSTANCE, new byte[0], new byte[] {1, -1, 127, -128}, new byte[300]);
        assertRoundTrips(ShortPrimitiveArraySerializer.INSTANCE, new short[0], new short[] {Short.MIN_VALUE, 7});
        assertRoundTrips(CharPrimitiveArraySerializer.INSTANCE, new char[0], new char[] {'a', '\uffff', '\ud800'});
        assertRoundTrips(IntPrimitiveArraySerializer.INSTANCE, new int[0], new int[] {1, -2, Integer.MAX_VALUE});
        assertRoundTrips(LongPrimitiveArraySerializer.INSTANCE, new long[0], new long[] {Long.MIN_VALUE, 0, 42});
        assertRoundTrips(FloatPrimitiveArraySerializer.INSTANCE, new float[0], new float[] {Float.NaN, -0f, 1.5f});
        assertRoundTrips(DoublePrimitiveArraySerializer.INSTANCE, new double[0], new double[] {Double.MIN_VALUE, -1e300});
    }

    @Test
    void byteArray_isVarintLengthThenBytes() {
        assertThat(serialize(BytePrimitiveArraySerializer.INSTANCE, new byte[] {5, 6})).containsExactly(2, 5, 6);
        assertThat(serialize(BytePrimitiveArraySerializer.INSTANCE, new byte[200])).hasSize(202);
    }

    @Test
    void primitiveArray_reusesAnArrayOfTheSameLength() throws Exception {
        byte[] bytes = serialize(LongPrimitiveArraySerializer.INSTANCE, new long[] {3, 4});
        long[] reuse = new long[2];
        long[] read = LongPrimitiveArraySerializer.INSTANCE.deserialize(reuse, new DataInputDeserializer(bytes, 0, bytes.length));
        assertThat(read).isSameAs(reuse).containsExactly(3, 4);
        long[] other = LongPrimitiveArraySerializer.INSTANCE.deserialize(new long[5], new DataInputDeserializer(bytes, 0, bytes.length));
        assertThat(other).containsExactly(3, 4);
    }

    @Test
    void objectArray_roundTripsWithNullElements() throws Exception {
        ObjectArraySerializer<String> serializer = new ObjectArraySerializer<>(String.class, new StringSerializer());
        assertRoundTrips(serializer, new String[0], new String[] {"a", null, "ü"}, new String[] {null});
        // each element: a null marker, then (for present elements) the element
        assertThat(serialize(serializer, new String[] {null, "a"})).containsExactly(2, 0, 1, 3, 'a');
        assertThat(serializer.duplicate()).isNotSameAs(serializer);
    }

    @Test
    void objectArray_ofArrays_copiesDeeply() throws Exception {
        ObjectArraySerializer<int[]> serializer = new ObjectArraySerializer<>(int[].class, IntPrimitiveArraySerializer.INSTANCE);
        int[][] value = {{1, 2}, null, {}};
        assertRoundTrips(serializer, new int[][][] {value});
        int[][] copy = serializer.copy(value);
        assertThat(copy[0]).isNotSameAs(value[0]).containsExactly(1, 2);
        assertThat(serializer.duplicate()).isSameAs(serializer);
    }
}
