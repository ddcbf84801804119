package org.millrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.millrace.api.eventtime.Watermark;
import org.millrace.api.eventtime.WatermarkGenerator;
import org.millrace.api.eventtime.WatermarkOutput;
import org.millrace.api.eventtime.WatermarkStrategy;
import org.millrace.api.functions.AggregateFunction;
import org.millrace.api.functions.ProcessWindowFunction;
import org.millrace.api.sink.Sink;
import org.millrace.api.sink.SinkWriter;
import org.millrace.api.tuple.Tuple2;
import org.millrace.api.typeinfo.Types;
import org.millrace.api.util.Collector;
import org.millrace.api.util.OutputTag;
import org.millrace.api.windowing.EventTimeSessionWindows;
import org.millrace.api.windowing.SlidingEventTimeWindows;
import org.millrace.api.windowing.TimeWindow;
import org.millrace.api.windowing.TumblingEventTimeWindows;
import org.junit.jupiter.api.Test;

/** Event-time windows against plain Java references: sliding, session, and allowed lateness with late data. */
class WindowTest {

    /** (key, timestamp) events; the timestamp is f1. */
    private static List<Tuple2<String, Long>> randomEvents(int n, long seed) {
        Random r = new Random(seed);
        List<Tuple2<String, Long>> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(Tuple2.of("k" + r.nextInt(5), (long) r.nextInt(100_000)));
        }
        return events;
    }

    private static WatermarkStrategy<Tuple2<String, Long>> noLateness() {
        // out of order input, but a bound larger than the whole range: nothing is late, all fires at the end
        return WatermarkStrategy.<Tuple2<String, Long>>forBoundedOutOfOrderness(Duration.ofDays(1)).withTimestampAssigner((e, ts) -> e.f1);
    }

    /** Counts the records of a window: "key|start|end|count". */
    static final class CountWindow extends ProcessWindowFunction<Tuple2<String, Long>, String, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(String key, Context ctx, Iterable<Tuple2<String, Long>> elements, Collector<String> out) {
            long n = 0;
            for (Tuple2<String, Long> ignored : elements) {
                n++;
            }
            out.collect(key + "|" + ctx.window().getStart() + "|" + ctx.window().getEnd() + "|" + n);
        }
    }

    @Test
    void slidingWindowsCountEveryRecordInEachOfItsWindows() throws Exception {
        List<Tuple2<String, Long>> events = randomEvents(5000, 1);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        List<String> out = env.fromCollection(events, Types.TUPLE(Types.STRING, Types.LONG))
                .assignTimestampsAndWatermarks(noLateness())
                .keyBy(e -> e.f0)
                .window(SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(5)))
                .process(new CountWindow())
                .executeAndCollect(100_000);

        Map<String, Long> expected = new TreeMap<>();
        for (Tuple2<String, Long> e : events) {
            long lastStart = e.f1 - e.f1 % 5000;
            for (long start = lastStart; start > e.f1 - 10_000; start -= 5000) {
                expected.merge(e.f0 + "|" + start + "|" + (start + 10_000), 1L, Long::sum);
            }
        }
        List<String> expectedLines = new ArrayList<>();
        expected.forEach((w, n) -> expectedLines.add(w + "|" + n));
        assertThat(out).containsExactlyInAnyOrderElementsOf(expectedLines);
    }

    /** Counts records per session with an aggregate. */
    static final class Count implements AggregateFunction<Tuple2<String, Long>, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Tuple2<String, Long> value, Long acc) {
            return acc + 1;
        }

        @Override
        public Long getResult(Long acc) {
            return acc;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    /** "key|start|end|count" from the aggregated count. */
    static final class SessionLine extends ProcessWindowFunction<Long, String, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(String key, Context ctx, Iterable<Long> counts, Collector<String> out) {
            out.collect(key + "|" + ctx.window().getStart() + "|" + ctx.window().getEnd() + "|" + counts.iterator().next());
        }
    }

    @Test
    void sessionWindowsMergeRecordsCloserThanTheGap() throws Exception {
        List<Tuple2<String, Long>> events = randomEvents(300, 2);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        List<String> out = env.fromCollection(events, Types.TUPLE(Types.STRING, Types.LONG))
                .assignTimestampsAndWatermarks(noLateness())
                .keyBy(e -> e.f0)
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(1500)))
                .aggregate(new Count(), new SessionLine())
                .executeAndCollect(100_000);

        // reference: per key, sort timestamps and cut where the next one is at least a gap away
        Map<String, List<Long>> byKey = new TreeMap<>();
        events.forEach(e -> byKey.computeIfAbsent(e.f0, k -> new ArrayList<>()).add(e.f1));
        List<String> expected = new ArrayList<>();
        byKey.forEach((key, times) -> {
            times.sort(null);
            long start = times.get(0);
            long end = start + 1500;
            long n = 0;
            for (long t : times) {
                if (t > end) { // [t, t+gap) does not touch [start, end): a new session
                    expected.add(key + "|" + start + "|" + end + "|" + n);
                    start = t;
                    n = 0;
                }
                end = Math.max(end, t + 1500);
                n++;
            }
            expected.add(key + "|" + start + "|" + end + "|" + n);
        });
        assertThat(out).containsExactlyInAnyOrderElementsOf(expected);
    }

    static final ConcurrentLinkedQueue<String> LATE = new ConcurrentLinkedQueue<>();
    static final OutputTag<Tuple2<String, Long>> LATE_TAG = new OutputTag<>("late") {};

    /** Emits a watermark of (timestamp - 1) after every event, so the order of records and watermarks is fixed. */
    static final class PerEventWatermarks implements WatermarkGenerator<Tuple2<String, Long>> {
        @Override
        public void onEvent(Tuple2<String, Long> event, long ts, WatermarkOutput output) {
            output.emitWatermark(new Watermark(ts - 1));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }

    /** Timestamps from f1, a watermark after every event. */
    static final class PerEventStrategy implements WatermarkStrategy<Tuple2<String, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public WatermarkGenerator<Tuple2<String, Long>> createWatermarkGenerator(
                org.millrace.api.eventtime.WatermarkGeneratorSupplier.Context context) {
            return new PerEventWatermarks();
        }

        @Override
        public org.millrace.api.eventtime.TimestampAssigner<Tuple2<String, Long>> createTimestampAssigner(
                org.millrace.api.eventtime.TimestampAssignerSupplier.Context context) {
            return (e, ts) -> e.f1;
        }
    }

    /** Collects late records into {@link #LATE}. */
    static final class LateSink implements Sink<Tuple2<String, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public SinkWriter<Tuple2<String, Long>> createWriter(org.millrace.api.sink.WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(Tuple2<String, Long> element, Context ctx) {
                    LATE.add(element.f0 + "@" + element.f1);
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }

    @Test
    void lateRecordsWithinTheAllowedLatenessFireAgainAndLaterOnesGoToTheSideOutput() throws Exception {
        LATE.clear();
        List<Tuple2<String, Long>> events = List.of(
                Tuple2.of("a", 1_000L), Tuple2.of("a", 2_000L),
                Tuple2.of("a", 11_000L), // watermark 10999: [0, 10000) fires with 2
                Tuple2.of("a", 3_000L),  // late, within 2 s lateness: [0, 10000) fires again with 3
                Tuple2.of("a", 15_000L), // watermark 14999: [0, 10000) is dropped (cleanup at 11999)
                Tuple2.of("a", 4_000L)); // too late: side output
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        WatermarkStrategy<Tuple2<String, Long>> perEvent = new PerEventStrategy();
        SingleOutputStreamOperator<String> windows = env.fromCollection(events, Types.TUPLE(Types.STRING, Types.LONG))
                .assignTimestampsAndWatermarks(perEvent)
                .keyBy(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                .allowedLateness(Duration.ofSeconds(2))
                .sideOutputLateData(LATE_TAG)
                .process(new CountWindow());
        windows.getSideOutput(LATE_TAG).sinkTo(new LateSink());

        List<String> out = windows.executeAndCollect(100);

        assertThat(out).containsExactly("a|0|10000|2", "a|0|10000|3", "a|10000|20000|2");
        assertThat(LATE).containsExactly("a@4000");
    }
}
