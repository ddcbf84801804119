package org.millrace.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.millrace.api.JobExecutionResult;
import org.millrace.api.StreamExecutionEnvironment;
import org.millrace.api.accumulators.LongCounter;
import org.millrace.api.eventtime.WatermarkStrategy;
import org.millrace.api.functions.AggregateFunction;
import org.millrace.api.functions.OpenContext;
import org.millrace.api.functions.ProcessWindowFunction;
import org.millrace.api.functions.RichFlatMapFunction;
import org.millrace.api.sink.DiscardingSink;
import org.millrace.api.source.lib.DataGeneratorSource;
import org.millrace.api.tuple.Tuple2;
import org.millrace.api.tuple.Tuple3;
import org.millrace.api.tuple.Tuple4;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.typeinfo.Types;
import org.millrace.api.util.Collector;
import org.millrace.api.windowing.TimeWindow;
import org.millrace.api.windowing.TumblingEventTimeWindows;

/**
 * peer-bench "window-agg": bids (auction = i mod 1000, price, event time i ms) -> keyBy auction ->
 * 10 s tumbling event-time windows -> (count, max price) -> checksum of the window results.
 */
final class WindowAggJob implements BenchJob {

    static final int AUCTIONS = 1000;
    static final long WINDOW_MS = 10_000L;
    private final int parallelism;

    WindowAggJob(int parallelism) {
        this.parallelism = parallelism;
    }

    static long price(long i) {
        return (BenchInput.mix(i) >>> 1) % 1_000_000L;
    }

    /**
     * The record number of the j-th generated record when [0, n) is split into p contiguous ranges
     * (the first n mod p one longer): range q's k-th record is i = k*p + q, so event time advances
     * evenly on every source subtask. A bijection on [0, n).
     */
    static long interleave(long j, long n, int p) {
        long base = n / p;
        long extra = n % p;
        long big = extra * (base + 1);
        long part = j < big ? j / (base + 1) : extra + (j - big) / base;
        long k = j < big ? j % (base + 1) : (j - big) % base;
        return k * p + part;
    }

    @Override
    public void define(StreamExecutionEnvironment env, long n) {
        int p = parallelism;
        TypeInformation<Tuple3<Long, Long, Long>> bid = Types.TUPLE(Types.LONG, Types.LONG, Types.LONG);
        DataGeneratorSource<Tuple3<Long, Long, Long>> source = new DataGeneratorSource<>(j -> {
            long i = interleave(j, n, p);
            return Tuple3.of(i % AUCTIONS, price(i), i);
        }, n, bid);
        WatermarkStrategy<Tuple3<Long, Long, Long>> watermarks =
                WatermarkStrategy.<Tuple3<Long, Long, Long>>forMonotonousTimestamps().withTimestampAssigner((e, ts) -> e.f2);
        env.fromSource(source, watermarks, "bids")
                .keyBy(e -> e.f0, Types.LONG)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW_MS)))
                .aggregate(new CountMax(), new EmitWindow())
                .flatMap(new WindowChecksum())
                .returns(Types.LONG)
                .sinkTo(new DiscardingSink<>());
    }

    @Override
    public void verify(JobExecutionResult res, long n, Map<String, String> out) {
        long results = res.<Long>getAccumulatorResult("results");
        long sumCount = res.<Long>getAccumulatorResult("sum_count");
        long sumMax = res.<Long>getAccumulatorResult("sum_max");
        int windows = (int) ((n + WINDOW_MS - 1) / WINDOW_MS);
        long[] max = new long[windows * AUCTIONS];
        Arrays.fill(max, -1);
        for (long i = 0; i < n; i++) {
            int cell = (int) (i / WINDOW_MS) * AUCTIONS + (int) (i % AUCTIONS);
            max[cell] = Math.max(max[cell], price(i));
        }
        long expectedResults = 0;
        long expectedSumMax = 0;
        for (long m : max) {
            if (m >= 0) {
                expectedResults++;
                expectedSumMax += m;
            }
        }
        out.put("out_windows", Long.toString(results));
        out.put("out_sum_count", Long.toString(sumCount));
        out.put("out_sum_max", Long.toString(sumMax));
        out.put("ok", Boolean.toString(results == expectedResults && sumCount == n && sumMax == expectedSumMax));
    }

    /** Accumulator (count, max price). */
    static final class CountMax implements AggregateFunction<Tuple3<Long, Long, Long>, Tuple2<Long, Long>, Tuple2<Long, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple2<Long, Long> createAccumulator() {
            return Tuple2.of(0L, Long.MIN_VALUE);
        }

        @Override
        public Tuple2<Long, Long> add(Tuple3<Long, Long, Long> e, Tuple2<Long, Long> acc) {
            acc.f0 = acc.f0 + 1;
            acc.f1 = Math.max(acc.f1, e.f1);
            return acc;
        }

        @Override
        public Tuple2<Long, Long> getResult(Tuple2<Long, Long> acc) {
            return acc;
        }

        @Override
        public Tuple2<Long, Long> merge(Tuple2<Long, Long> a, Tuple2<Long, Long> b) {
            return Tuple2.of(a.f0 + b.f0, Math.max(a.f1, b.f1));
        }
    }

    /** Emits (auction, window end, count, max price). */
    static final class EmitWindow extends ProcessWindowFunction<Tuple2<Long, Long>, Tuple4<Long, Long, Long, Long>, Long, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(Long auction, Context ctx, Iterable<Tuple2<Long, Long>> in, Collector<Tuple4<Long, Long, Long, Long>> out) {
            Tuple2<Long, Long> cm = in.iterator().next();
            out.collect(Tuple4.of(auction, ctx.window().getEnd(), cm.f0, cm.f1));
        }
    }

    /** Count of window results, sum of their counts and of their max prices. */
    static final class WindowChecksum extends RichFlatMapFunction<Tuple4<Long, Long, Long, Long>, Long> {
        private static final long serialVersionUID = 1L;
        private transient LongCounter results;
        private transient LongCounter sumCount;
        private transient LongCounter sumMax;

        @Override
        public void open(OpenContext ctx) {
            results = getRuntimeContext().getLongCounter("results");
            sumCount = getRuntimeContext().getLongCounter("sum_count");
            sumMax = getRuntimeContext().getLongCounter("sum_max");
        }

        @Override
        public void flatMap(Tuple4<Long, Long, Long, Long> r, Collector<Long> c) {
            results.add(1L);
            sumCount.add(r.f2.longValue());
            sumMax.add(r.f3.longValue());
        }
    }
}
