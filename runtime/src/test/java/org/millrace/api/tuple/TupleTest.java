package org.millrace.api.tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class TupleTest {

    @Test
    void toString_isParenthesizedCommaSeparated_withArraysByContent() {
        assertThat(Tuple2.of("a", 1L)).hasToString("(a,1)");
        assertThat(Tuple3.of(null, new int[] {1, 2}, new String[] {"x"})).hasToString("(null,[1, 2],[x])");
        assertThat(Tuple0.INSTANCE).hasToString("()");
        assertThat(Tuple5.of(1, 2, 3, 4, 5)).hasToString("(1,2,3,4,5)");
    }

    @Test
    void equalsAndHashCode_followTheFields() {
        assertThat(Tuple2.of("a", 1L)).isEqualTo(new Tuple2<>("a", 1L)).hasSameHashCodeAs(Tuple2.of("a", 1L));
        assertThat(Tuple2.of("a", 1L)).isNotEqualTo(Tuple2.of("a", 2L)).isNotEqualTo(Tuple3.of("a", 1L, null));
        assertThat(Tuple2.of(null, null)).isEqualTo(new Tuple2<>()).hasSameHashCodeAs(new Tuple2<>());
        // the hash is 31 * hash(f0) + hash(f1): stable across JVMs for stable field hashes
        assertThat(Tuple2.of("a", 1L).hashCode()).isEqualTo(31 * "a".hashCode() + Long.hashCode(1L));
        assertThat(new Tuple0()).isEqualTo(Tuple0.INSTANCE).hasSameHashCodeAs(Tuple0.INSTANCE);
    }

    @Test
    void getAndSetField_byPosition() {
        Tuple4<String, Integer, Long, Double> t = new Tuple4<>();
        for (int i = 0; i < 4; i++) {
            assertThat((Object) t.getField(i)).isNull();
        }
        t.setField("x", 0);
        t.setField(2, 1);
        t.setField(3L, 2);
        t.setField(4.0, 3);
        assertThat(t).isEqualTo(Tuple4.of("x", 2, 3L, 4.0));
        assertThat(t.getArity()).isEqualTo(4);
        assertThat((String) t.getField(0)).isEqualTo("x");
        assertThatThrownBy(() -> t.getField(4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> t.setField("y", -1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Tuple0.INSTANCE.getField(0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void copy_isShallow_andSwapExchangesFields() {
        StringBuilder shared = new StringBuilder("s");
        Tuple2<StringBuilder, Integer> t = Tuple2.of(shared, 1);
        Tuple2<StringBuilder, Integer> copy = t.copy();
        assertThat(copy).isEqualTo(t).isNotSameAs(t);
        assertThat(copy.f0).isSameAs(shared);
        assertThat(Tuple2.of("a", 1).swap()).isEqualTo(Tuple2.of(1, "a"));
        Tuple1<String> one = new Tuple1<>();
        one.setFields("z");
        assertThat(one.f0).isEqualTo("z");
    }

    @Test
    void tupleClassesAndInstancesByArity() {
        assertThat(Tuple.getTupleClass(0)).isEqualTo(Tuple0.class);
        assertThat(Tuple.getTupleClass(5)).isEqualTo(Tuple5.class);
        assertThat(Tuple.newInstance(3)).isInstanceOf(Tuple3.class).isEqualTo(new Tuple3<>());
        assertThatThrownBy(() -> Tuple.getTupleClass(6)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tuple0_staysASingletonThroughJavaSerialization() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(Tuple0.INSTANCE);
            out.writeObject(Tuple2.of("a", 1));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isSameAs(Tuple0.INSTANCE);
            assertThat(in.readObject()).isEqualTo(Tuple2.of("a", 1));
        }
    }
}
