package org.millrace.bench;

import java.util.Map;
import org.millrace.api.JobExecutionResult;
import org.millrace.api.StreamExecutionEnvironment;
import org.millrace.api.eventtime.WatermarkStrategy;
import org.millrace.api.sink.DiscardingSink;
import org.millrace.api.source.lib.DataGeneratorSource;
import org.millrace.api.tuple.Tuple2;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.typeinfo.Types;

/** peer-bench "keyed-count": ("k" + i mod 100000, 1) -> keyBy -> running sum -> checksum. */
final class KeyedCountJob implements BenchJob {

    @Override
    public void define(StreamExecutionEnvironment env, long n) {
        TypeInformation<Tuple2<String, Long>> type = Types.TUPLE(Types.STRING, Types.LONG);
        env.fromSource(new DataGeneratorSource<>(i -> Tuple2.of(BenchInput.key(i), 1L), n, type),
                        WatermarkStrategy.noWatermarks(), "generator")
                .keyBy(t -> t.f0, Types.STRING)
                .reduce((x, y) -> Tuple2.of(x.f0, x.f1 + y.f1))
                .flatMap(new ChecksumFunctions.RunningSumChecksum())
                .returns(Types.LONG)
                .sinkTo(new DiscardingSink<>());
    }

    @Override
    public void verify(JobExecutionResult res, long n, Map<String, String> out) {
        long count = res.<Long>getAccumulatorResult("count");
        long sum = res.<Long>getAccumulatorResult("sum");
        long max = res.<Long>getAccumulatorResult("max");
        long q = n / BenchInput.KEYS;
        long r = n % BenchInput.KEYS;
        long expectedSum = r * (q + 1) * (q + 2) / 2 + (BenchInput.KEYS - r) * q * (q + 1) / 2;
        long expectedMax = r > 0 ? q + 1 : q;
        out.put("out_count", Long.toString(count));
        out.put("out_sum", Long.toString(sum));
        out.put("out_max", Long.toString(max));
        out.put("ok", Boolean.toString(count == n && sum == expectedSum && max == expectedMax));
    }
}
