package org.millrace.types.serializers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.millrace.types.serializers.SerializerTestHarness.assertRoundTrips;
import static org.millrace.types.serializers.SerializerTestHarness.serialize;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.millrace.api.tuple.Tuple0;
import org.millrace.api.tuple.Tuple1;
import org.millrace.api.tuple.Tuple2;
import org.millrace.api.tuple.Tuple3;
import org.millrace.api.tuple.Tuple4;
import org.millrace.api.tuple.Tuple5;
import org.millrace.types.DataInputDeserializer;
import org.millrace.types.NullFieldException;

class TupleSerializerTest {

    @Test
    void everyArity_roundTrips() throws Exception {
        assertRoundTrips(TupleSerializer.create(Tuple0.class), new Tuple0(), Tuple0.INSTANCE);
        assertRoundTrips(TupleSerializer.create(Tuple1.class, LongSerializer.INSTANCE), Tuple1.of(5L));
        assertRoundTrips(TupleSerializer.create(Tuple2.class, new StringSerializer(), LongSerializer.INSTANCE),
                Tuple2.of("word", 1L), Tuple2.of("", Long.MIN_VALUE), Tuple2.of(null, 3L));
        assertRoundTrips(TupleSerializer.create(Tuple3.class, IntSerializer.INSTANCE, DoubleSerializer.INSTANCE,
                BooleanSerializer.INSTANCE), Tuple3.of(1, 2.5, true));
        assertRoundTrips(TupleSerializer.create(Tuple4.class, ByteSerializer.INSTANCE, ShortSerializer.INSTANCE,
                CharSerializer.INSTANCE, FloatSerializer.INSTANCE), Tuple4.of((byte) 1, (short) 2, 'c', 4f));
        assertRoundTrips(TupleSerializer.create(Tuple5.class, new StringSerializer(), IntSerializer.INSTANCE,
                new StringSerializer(), LongSerializer.INSTANCE, new ListSerializer<>(IntSerializer.INSTANCE)),
                Tuple5.of("a", 1, "b", 2L, List.of(1, 2)));
    }

    @Test
    void format_isFieldsBackToBack_andTuple0IsOneByte() {
        assertThat(serialize(TupleSerializer.create(Tuple2.class, new StringSerializer(), IntSerializer.INSTANCE),
                Tuple2.of("a", 1))).containsExactly(3, 'a', 0, 0, 0, 1);
        assertThat(serialize(TupleSerializer.create(Tuple0.class), Tuple0.INSTANCE)).containsExactly(0);
        assertThat(TupleSerializer.create(Tuple2.class, IntSerializer.INSTANCE, LongSerializer.INSTANCE).getLength()).isEqualTo(12);
    }

    @Test
    void nestedTuples_roundTripAndCopyDeeply() throws Exception {
        TupleSerializer<Tuple2> inner = TupleSerializer.create(Tuple2.class, new StringSerializer(), IntSerializer.INSTANCE);
        TupleSerializer<Tuple2> outer = TupleSerializer.create(Tuple2.class, inner, new ListSerializer<>(LongSerializer.INSTANCE));
        Tuple2<Tuple2<String, Integer>, List<Long>> value = Tuple2.of(Tuple2.of("x", 1), List.of(1L, 2L));
        assertRoundTrips(outer, value);
        Tuple2<Tuple2<String, Integer>, List<Long>> copy = outer.copy(value);
        assertThat(copy.f0).isEqualTo(value.f0).isNotSameAs(value.f0);
    }

    @Test
    void deserializeWithReuse_fillsTheGivenTupleAndItsMutableFields() throws Exception {
        TupleSerializer<Tuple2> inner = TupleSerializer.create(Tuple2.class, new StringSerializer(), IntSerializer.INSTANCE);
        TupleSerializer<Tuple2> outer = TupleSerializer.create(Tuple2.class, inner, LongSerializer.INSTANCE);
        byte[] bytes = serialize(outer, Tuple2.of(Tuple2.of("b", 2), 9L));
        Tuple2<String, Integer> reusedInner = Tuple2.of("a", 1);
        Tuple2<Tuple2<String, Integer>, Long> reuse = Tuple2.of(reusedInner, 0L);
        Tuple2 read = outer.deserialize(reuse, new DataInputDeserializer(bytes, 0, bytes.length));
        assertThat(read).isSameAs(reuse).isEqualTo(Tuple2.of(Tuple2.of("b", 2), 9L));
        assertThat(reuse.f0).isSameAs(reusedInner);
    }

    @Test
    void nullField_failsWithTheFieldPosition() {
        TupleSerializer<Tuple3> serializer = TupleSerializer.create(Tuple3.class, new StringSerializer(),
                LongSerializer.INSTANCE, IntSerializer.INSTANCE);
        assertThatThrownBy(() -> serialize(serializer, Tuple3.of("a", null, 1)))
                .isInstanceOf(NullFieldException.class)
                .hasMessageContaining("f1")
                .satisfies(e -> assertThat(((NullFieldException) e).getFieldPos()).isEqualTo(1));
    }

    @Test
    void npeFromInsideANonNullField_isNotBlamedOnTheField() {
        TupleSerializer<Tuple1> serializer = TupleSerializer.create(Tuple1.class, new ListSerializer<>(LongSerializer.INSTANCE));
        List<Long> withNull = java.util.Arrays.asList(1L, null);
        assertThatThrownBy(() -> serialize(serializer, Tuple1.of(withNull)))
                .isInstanceOf(NullPointerException.class)
                .isNotInstanceOf(NullFieldException.class);
    }

    /** A tuple subclass that fixes its types. */
    public static class WordCount extends Tuple2<String, Long> {
        private static final long serialVersionUID = 1L;

        public WordCount() {}

        public WordCount(String word, long count) {
            super(word, count);
        }
    }

    @Test
    void tupleSubclass_isCreatedAsTheSubclass() throws Exception {
        TupleSerializer<WordCount> serializer = TupleSerializer.create(WordCount.class, new StringSerializer(),
                LongSerializer.INSTANCE);
        assertRoundTrips(serializer, new WordCount("a", 3));
        assertThat(SerializerTestHarness.deserialize(serializer, serialize(serializer, new WordCount("b", 1))))
                .isExactlyInstanceOf(WordCount.class);
    }

    @Test
    void duplicate_copiesOnlyWhenAFieldSerializerIsStateful() {
        TupleSerializer<Tuple2> stateless = TupleSerializer.create(Tuple2.class, IntSerializer.INSTANCE, LongSerializer.INSTANCE);
        TupleSerializer<Tuple2> stateful = TupleSerializer.create(Tuple2.class, new StringSerializer(), LongSerializer.INSTANCE);
        assertThat(stateless.duplicate()).isSameAs(stateless);
        assertThat(stateful.duplicate()).isNotSameAs(stateful);
        assertThat(stateful.duplicate().getFieldSerializer(0)).isNotSameAs(stateful.getFieldSerializer(0));
    }
}
