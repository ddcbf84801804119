package org.millrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import org.millrace.api.functions.OpenContext;
import org.millrace.api.functions.RichReduceFunction;
import org.millrace.api.state.ValueState;
import org.millrace.api.state.ValueStateDescriptor;
import org.millrace.api.tuple.Tuple3;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.typeinfo.Types;
import org.millrace.configuration.Configuration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * KeyedStream.reduce and the built-in aggregations keep their running values in the keyed state
 * backend: on the heap and in RocksDB, at parallelism 3, each key's sequence of emitted values
 * equals a plain Java fold over that key's records (records of one key keep their order because
 * the collection source is not parallel).
 */
class KeyedReduceStateBackendTest {

    private static final TypeInformation<Tuple3<String, Long, String>> TYPE = Types.TUPLE(Types.STRING, Types.LONG, Types.STRING);
    private static final int RECORDS = 30_000;

    private static List<Tuple3<String, Long, String>> input() {
        Random r = new Random(11);
        List<Tuple3<String, Long, String>> in = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            in.add(Tuple3.of("k" + r.nextInt(500), (long) r.nextInt(1000) - 500, "r" + i));
        }
        return in;
    }

    /** Per key, the running values of {@code fold} over the key's records, as strings. */
    private static Map<String, List<String>> reference(BinaryOperator<Tuple3<String, Long, String>> fold) {
        Map<String, Tuple3<String, Long, String>> current = new HashMap<>();
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Tuple3<String, Long, String> t : input()) {
            Tuple3<String, Long, String> prev = current.get(t.f0);
            Tuple3<String, Long, String> next = prev == null ? t : fold.apply(prev, t);
            current.put(t.f0, next);
            out.computeIfAbsent(t.f0, k -> new ArrayList<>()).add(next.toString());
        }
        return out;
    }

    private static Map<String, List<String>> run(String backend,
            Function<KeyedStream<Tuple3<String, Long, String>, String>, DataStream<Tuple3<String, Long, String>>> op)
            throws Exception {
        Configuration conf = new Configuration().setString("state.backend.type", backend);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3, conf);
        Map<String, List<String>> out = new LinkedHashMap<>();
        op.apply(env.fromCollection(input(), TYPE).keyBy(t -> t.f0, Types.STRING))
                .executeAndCollect(RECORDS + 1)
                .forEach(t -> out.computeIfAbsent(t.f0, k -> new ArrayList<>()).add(t.toString()));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void reduceEmitsEachKeysRunningValue(String backend) throws Exception {
        Map<String, List<String>> expected = reference((a, b) -> Tuple3.of(a.f0, a.f1 * 31 + b.f1, b.f2));

        assertThat(run(backend, k -> k.reduce((a, b) -> Tuple3.of(a.f0, a.f1 * 31 + b.f1, b.f2))))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void sumKeepsTheFirstRecordsOtherFields(String backend) throws Exception {
        Map<String, List<String>> expected = reference((a, b) -> Tuple3.of(a.f0, a.f1 + b.f1, a.f2));

        assertThat(run(backend, k -> k.sum(1))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void minByKeepsTheEarlierRecordOnTies(String backend) throws Exception {
        Map<String, List<String>> expected = reference((a, b) -> b.f1 < a.f1 ? b : a);

        assertThat(run(backend, k -> k.minBy("f1"))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void aRichReducerHasKeyedStateOfItsOwn(String backend) throws Exception {
        // the reducer counts its calls per key in its own keyed state; the first record of a key is emitted as it came
        Map<String, List<String>> expected = new LinkedHashMap<>();
        Map<String, Integer> calls = new HashMap<>();
        for (Tuple3<String, Long, String> t : input()) {
            List<String> values = expected.computeIfAbsent(t.f0, k -> new ArrayList<>());
            values.add(values.isEmpty() ? t.toString() : Tuple3.of(t.f0, 0L, "calls" + calls.merge(t.f0, 1, Integer::sum)).toString());
        }

        assertThat(run(backend, k -> k.reduce(new CountingReducer()))).isEqualTo(expected);
    }

    /** Replaces each reduced value by (key, 0, "calls" + number of calls for this key so far). */
    static final class CountingReducer extends RichReduceFunction<Tuple3<String, Long, String>> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Integer> calls;

        @Override
        public void open(OpenContext openContext) {
            calls = getRuntimeContext().getState(new ValueStateDescriptor<>("calls", Types.INT));
        }

        @Override
        public Tuple3<String, Long, String> reduce(Tuple3<String, Long, String> a, Tuple3<String, Long, String> b) throws Exception {
            Integer c = calls.value();
            int next = c == null ? 1 : c + 1;
            calls.update(next);
            return Tuple3.of(a.f0, 0L, "calls" + next);
        }
    }
}
