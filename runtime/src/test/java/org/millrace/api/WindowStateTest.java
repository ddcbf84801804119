package org.millrace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.millrace.api.eventtime.Watermark;
import org.millrace.api.eventtime.WatermarkGenerator;
import org.millrace.api.eventtime.WatermarkOutput;
import org.millrace.api.eventtime.WatermarkStrategy;
import org.millrace.api.functions.ProcessWindowFunction;
import org.millrace.api.sink.Sink;
import org.millrace.api.sink.SinkWriter;
import org.millrace.api.sink.WriterInitContext;
import org.millrace.api.state.ListState;
import org.millrace.api.state.ListStateDescriptor;
import org.millrace.api.state.ValueState;
import org.millrace.api.state.ValueStateDescriptor;
import org.millrace.api.tuple.Tuple2;
import org.millrace.api.typeinfo.Types;
import org.millrace.api.util.Collector;
import org.millrace.api.windowing.EventTimeSessionWindows;
import org.millrace.api.windowing.TimeWindow;
import org.millrace.api.windowing.TumblingEventTimeWindows;
import org.millrace.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ProcessWindowFunction.Context.windowState() is scoped to key and window and survives the late
 * firings of a window until it is purged (then clear(Context) sees it one last time);
 * globalState() is scoped to the key. Out-of-order events with a watermark after every event make
 * some firings late and some records too late, deterministically; the results equal a plain Java
 * simulation of the window semantics, on the heap and in RocksDB.
 */
class WindowStateTest {

    private static final long SIZE = 10_000;
    private static final long LATENESS = 3_000;
    /** Written by the sink's writer thread, read by the test thread after the job ended. */
    private static final ConcurrentLinkedQueue<String> CLEARED = new ConcurrentLinkedQueue<>();

    private static List<Tuple2<String, Long>> events() {
        Random r = new Random(5);
        List<Tuple2<String, Long>> events = new ArrayList<>();
        long time = 0;
        for (int i = 0; i < 3_000; i++) {
            time += r.nextInt(200);
            // one in five events is up to 15 s old: within the lateness, or beyond it
            long ts = r.nextInt(5) == 0 ? Math.max(0, time - r.nextInt(15_000)) : time;
            events.add(Tuple2.of("k" + r.nextInt(6), ts));
        }
        return events;
    }

    /**
     * Emits "key|start|count|firings of this window|firings of the key|counts at earlier firings";
     * on clear, reports "key|start|firings" to the side output.
     */
    static final class FiringCounter extends ProcessWindowFunction<Tuple2<String, Long>, String, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        private static final ValueStateDescriptor<Integer> WINDOW_FIRINGS = new ValueStateDescriptor<>("firings", Types.INT);
        private static final ListStateDescriptor<Long> EARLIER_COUNTS = new ListStateDescriptor<>("counts", Types.LONG);
        private static final ValueStateDescriptor<Integer> KEY_FIRINGS = new ValueStateDescriptor<>("firings", Types.INT);

        @Override
        public void process(String key, Context ctx, Iterable<Tuple2<String, Long>> elements, Collector<String> out) throws Exception {
            long count = 0;
            for (Tuple2<String, Long> ignored : elements) {
                count++;
            }
            ValueState<Integer> windowFirings = ctx.windowState().getState(WINDOW_FIRINGS);
            ListState<Long> earlier = ctx.windowState().getListState(EARLIER_COUNTS);
            ValueState<Integer> keyFirings = ctx.globalState().getState(KEY_FIRINGS); // same name, other scope
            int w = windowFirings.value() == null ? 1 : windowFirings.value() + 1;
            int k = keyFirings.value() == null ? 1 : keyFirings.value() + 1;
            windowFirings.update(w);
            keyFirings.update(k);
            out.collect(key + "|" + ctx.window().getStart() + "|" + count + "|" + w + "|" + k + "|" + earlier.get());
            earlier.add(count);
        }

        @Override
        public void clear(Context ctx) throws Exception {
            ValueState<Integer> windowFirings = ctx.windowState().getState(WINDOW_FIRINGS);
            ctx.output(WindowTest.LATE_TAG, Tuple2.of(ctx.window().getStart() + "|" + windowFirings.value(), 0L));
            windowFirings.clear();
        }
    }

    /** Timestamps from f1, a watermark (max timestamp so far - 1) after every event. */
    static final class PerEventWatermarks implements WatermarkGenerator<Tuple2<String, Long>> {
        private long max = Long.MIN_VALUE;

        @Override
        public void onEvent(Tuple2<String, Long> event, long ts, WatermarkOutput output) {
            max = Math.max(max, ts);
            output.emitWatermark(new Watermark(max - 1));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }

    /** Collects the clear reports. */
    static final class ClearedSink implements Sink<Tuple2<String, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public SinkWriter<Tuple2<String, Long>> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(Tuple2<String, Long> element, Context ctx) {
                    CLEARED.add(element.f0);
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void windowStateLivesPerKeyAndWindowUntilThePurgeAndGlobalStatePerKey(String backend) throws Exception {
        CLEARED.clear();
        Configuration conf = new Configuration().setString("state.backend.type", backend);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        WatermarkStrategy<Tuple2<String, Long>> strategy = WatermarkStrategy
                .<Tuple2<String, Long>>forGenerator(ctx -> new PerEventWatermarks())
                .withTimestampAssigner((e, ts) -> e.f1);
        SingleOutputStreamOperator<String> windows = env.fromCollection(events(), Types.TUPLE(Types.STRING, Types.LONG))
                .assignTimestampsAndWatermarks(strategy)
                .setParallelism(1) // one watermark sequence, so which records are late does not depend on timing
                .keyBy(e -> e.f0, Types.STRING)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
                .allowedLateness(Duration.ofMillis(LATENESS))
                .process(new FiringCounter());
        windows.getSideOutput(WindowTest.LATE_TAG).sinkTo(new ClearedSink()).setParallelism(1);

        List<String> out = new ArrayList<>(windows.executeAndCollect(1_000_000));

        Reference expected = new Reference(events());
        out.sort(null);
        expected.fired.sort(null);
        assertThat(out).isEqualTo(expected.fired);
        assertThat(CLEARED).containsExactlyInAnyOrderElementsOf(expected.cleared);
        assertThat(expected.fired).anyMatch(s -> s.split("\\|")[3].equals("3")); // some windows fired late twice
    }

    @Test
    void windowStateIsRefusedForMergingWindows() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        WatermarkStrategy<Tuple2<String, Long>> strategy = WatermarkStrategy
                .<Tuple2<String, Long>>forMonotonousTimestamps()
                .withTimestampAssigner((e, ts) -> e.f1);
        env.fromData(Tuple2.of("a", 1L), Tuple2.of("a", 2L))
                .assignTimestampsAndWatermarks(strategy)
                .keyBy(e -> e.f0, Types.STRING)
                .window(EventTimeSessionWindows.withGap(Duration.ofSeconds(1)))
                .process(new FiringCounter())
                .sinkTo(new org.millrace.api.sink.DiscardingSink<>());

        assertThatThrownBy(env::execute).hasStackTraceContaining("not available with merging");
    }

    /** The window operator's semantics in plain Java, for one ordered input with a watermark after each event. */
    private static final class Reference {
        final List<String> fired = new ArrayList<>();
        final List<String> cleared = new ArrayList<>();
        /** key -> window start -> element count. */
        private final Map<String, TreeMap<Long, Long>> contents = new HashMap<>();
        /** key -> window start -> counts at earlier firings (the window state). */
        private final Map<String, Map<Long, List<Long>>> windowState = new HashMap<>();
        /** key -> window starts whose on-time timer is pending. */
        private final Map<String, TreeMap<Long, Boolean>> onTimePending = new HashMap<>();
        private final Map<String, Integer> keyFirings = new HashMap<>();
        private long watermark = Long.MIN_VALUE;

        Reference(List<Tuple2<String, Long>> events) {
            for (Tuple2<String, Long> e : events) {
                long start = e.f1 - e.f1 % SIZE;
                long maxTs = start + SIZE - 1;
                if (maxTs + LATENESS <= watermark) {
                    continue; // too late: dropped (no side output for late data here)
                }
                Long before = contents.computeIfAbsent(e.f0, k -> new TreeMap<>()).merge(start, 1L, Long::sum) - 1;
                if (before == 0 && maxTs > watermark) {
                    onTimePending.computeIfAbsent(e.f0, k -> new TreeMap<>()).put(start, true);
                }
                if (maxTs <= watermark) {
                    fire(e.f0, start);
                }
                if (e.f1 - 1 > watermark) {
                    advance(e.f1 - 1);
                }
            }
            advance(Long.MAX_VALUE);
        }

        private void advance(long newWatermark) {
            watermark = newWatermark;
            for (String key : new ArrayList<>(contents.keySet())) {
                TreeMap<Long, Boolean> pending = onTimePending.getOrDefault(key, new TreeMap<>());
                for (Long start : new ArrayList<>(pending.keySet())) {
                    if (start + SIZE - 1 <= newWatermark) {
                        pending.remove(start);
                        fire(key, start);
                    }
                }
                for (Long start : new ArrayList<>(contents.get(key).keySet())) {
                    long cleanup = start + SIZE - 1 + LATENESS;
                    if (cleanup <= newWatermark) {
                        List<Long> counts = windowState.getOrDefault(key, Map.of()).getOrDefault(start, List.of());
                        cleared.add(start + "|" + (counts.isEmpty() ? null : counts.size()));
                        contents.get(key).remove(start);
                    }
                }
            }
        }

        private void fire(String key, long start) {
            List<Long> counts = windowState.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(start, s -> new ArrayList<>());
            long count = contents.get(key).get(start);
            int k = keyFirings.merge(key, 1, Integer::sum);
            fired.add(key + "|" + start + "|" + count + "|" + (counts.size() + 1) + "|" + k + "|" + counts);
            counts.add(count);
        }
    }
}
