package org.millrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BinaryOperator;
import org.millrace.api.tuple.Tuple3;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.typeinfo.Types;
import org.junit.jupiter.api.Test;

/**
 * sum / min / max keep the other fields of the key's first record; minBy / maxBy return the whole
 * record holding the extreme (the earlier one on ties), by position and by field name, as in Flink.
 * Parallelism 1 keeps each key's records in order, so every running value is exact.
 */
class KeyedAggregationTest {

    private static final TypeInformation<Tuple3<String, Integer, String>> TYPE = Types.TUPLE(Types.STRING, Types.INT, Types.STRING);

    private static List<Tuple3<String, Integer, String>> input() {
        Random r = new Random(3);
        List<Tuple3<String, Integer, String>> in = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            in.add(Tuple3.of("k" + r.nextInt(4), r.nextInt(50), "r" + i));
        }
        return in;
    }

    /** Running values per key, folding with {@code fold} (a plain Java reference of the aggregation). */
    private static List<String> reference(List<Tuple3<String, Integer, String>> in, BinaryOperator<Tuple3<String, Integer, String>> fold) {
        Map<String, Tuple3<String, Integer, String>> current = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (Tuple3<String, Integer, String> t : in) {
            Tuple3<String, Integer, String> next = current.containsKey(t.f0) ? fold.apply(current.get(t.f0), t) : t;
            current.put(t.f0, next);
            out.add(next.toString());
        }
        return out;
    }

    private List<String> run(java.util.function.Function<KeyedStream<Tuple3<String, Integer, String>, String>, DataStream<Tuple3<String, Integer, String>>> aggregation)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        KeyedStream<Tuple3<String, Integer, String>, String> keyed = env.fromCollection(input(), TYPE).keyBy(t -> t.f0);
        List<String> out = new ArrayList<>();
        aggregation.apply(keyed).executeAndCollect(100_000).forEach(t -> out.add(t.toString()));
        return out;
    }

    @Test
    void sumKeepsTheFirstRecordsOtherFields() throws Exception {
        List<String> expected = reference(input(), (a, b) -> Tuple3.of(a.f0, a.f1 + b.f1, a.f2));

        assertThat(run(k -> k.sum(1))).containsExactlyElementsOf(expected);
        assertThat(run(k -> k.sum("f1"))).containsExactlyElementsOf(expected);
    }

    @Test
    void minAndMaxReplaceOnlyTheField() throws Exception {
        assertThat(run(k -> k.min(1))).containsExactlyElementsOf(
                reference(input(), (a, b) -> Tuple3.of(a.f0, Math.min(a.f1, b.f1), a.f2)));
        assertThat(run(k -> k.max("f1"))).containsExactlyElementsOf(
                reference(input(), (a, b) -> Tuple3.of(a.f0, Math.max(a.f1, b.f1), a.f2)));
    }

    @Test
    void fromDataInfersATuplesFieldTypesFromItsValues() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<String> out = new ArrayList<>();
        env.fromData(org.millrace.api.tuple.Tuple2.of("a", 1), org.millrace.api.tuple.Tuple2.of("b", 2),
                        org.millrace.api.tuple.Tuple2.of("a", 3))
                .keyBy(t -> t.f0)
                .sum(1)
                .executeAndCollect(10)
                .forEach(t -> out.add(t.toString()));

        assertThat(out).containsExactly("(a,1)", "(b,2)", "(a,4)");
    }

    @Test
    void minByAndMaxByReturnTheWholeRecordAndKeepTheEarlierOnTies() throws Exception {
        assertThat(run(k -> k.minBy(1))).containsExactlyElementsOf(reference(input(), (a, b) -> b.f1 < a.f1 ? b : a));
        assertThat(run(k -> k.maxBy("f1"))).containsExactlyElementsOf(reference(input(), (a, b) -> b.f1 > a.f1 ? b : a));
    }
}
