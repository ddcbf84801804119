package org.millrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.millrace.api.functions.KeyedProcessFunction;
import org.millrace.api.functions.OpenContext;
import org.millrace.api.functions.RichMapFunction;
import org.millrace.api.state.ValueState;
import org.millrace.api.state.ValueStateDescriptor;
import org.millrace.api.typeinfo.Types;
import org.millrace.api.util.Collector;
import org.millrace.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A running count per key kept in ValueState, on the heap and in RocksDB, equals a plain Java count. */
class KeyedStateJobTest {

    /** Emits "key,n" for the n-th record of each key. */
    static final class RunningCount extends KeyedProcessFunction<Long, Long, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext ctx) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
            Long c = count.value();
            long next = c == null ? 1 : c + 1;
            count.update(next);
            out.collect(ctx.getCurrentKey() + "," + next);
        }
    }

    /** The same running count from a RichMapFunction applied after keyBy. */
    static final class RunningCountMap extends RichMapFunction<Long, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext ctx) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public String map(Long value) throws Exception {
            Long c = count.value();
            long next = c == null ? 1 : c + 1;
            count.update(next);
            return (value * 7919) % 333 + "," + next;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void aRichFunctionAfterKeyByHasKeyedState(String backend) throws Exception {
        Configuration conf = new Configuration().setString("state.backend.type", backend);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        long n = 20_000;
        List<String> out = env.fromSequence(0, n - 1)
                .keyBy(v -> (v * 7919) % 333)
                .map(new RunningCountMap())
                .executeAndCollect(1_000_000);

        assertThat(out).containsExactlyInAnyOrderElementsOf(reference(n));
    }

    @Test
    void keyedStateOnANonKeyedStreamIsRefusedClearly() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromSequence(0, 10).map(new RunningCountMap()).sinkTo(new org.millrace.api.sink.DiscardingSink<>());

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> env.execute("not keyed"));

        assertThat(thrown).hasRootCauseInstanceOf(UnsupportedOperationException.class);
        assertThat(thrown.getCause()).hasMessageContaining("keyed stream");
    }

    private static List<String> reference(long n) {
        Map<Long, Long> counts = new HashMap<>();
        List<String> expected = new ArrayList<>();
        for (long v = 0; v < n; v++) {
            long key = (v * 7919) % 333;
            expected.add(key + "," + counts.merge(key, 1L, Long::sum));
        }
        return expected;
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void runningCountsPerKeyAreExact(String backend) throws Exception {
        Configuration conf = new Configuration().setString("state.backend.type", backend);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        long n = 20_000;
        List<String> out = env.fromSequence(0, n - 1)
                .keyBy(v -> (v * 7919) % 333)
                .process(new RunningCount())
                .returns(Types.STRING)
                .executeAndCollect(1_000_000);

        Map<Long, Long> counts = new HashMap<>();
        List<String> expected = new ArrayList<>();
        for (long v = 0; v < n; v++) {
            long key = (v * 7919) % 333;
            expected.add(key + "," + counts.merge(key, 1L, Long::sum));
        }
        assertThat(out).containsExactlyInAnyOrderElementsOf(expected);
    }
}
