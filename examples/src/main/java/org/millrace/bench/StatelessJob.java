package org.millrace.bench;

import java.util.Map;
import org.millrace.api.JobExecutionResult;
import org.millrace.api.StreamExecutionEnvironment;
import org.millrace.api.eventtime.WatermarkStrategy;
import org.millrace.api.sink.DiscardingSink;
import org.millrace.api.source.lib.DataGeneratorSource;
import org.millrace.api.typeinfo.Types;

/** peer-bench "stateless": i -> map x*31+7 -> filter even -> checksum. */
final class StatelessJob implements BenchJob {

    @Override
    public void define(StreamExecutionEnvironment env, long n) {
        env.fromSource(new DataGeneratorSource<>(i -> i, n, Types.LONG), WatermarkStrategy.noWatermarks(), "generator")
                .map(x -> x * 31 + 7)
                .returns(Types.LONG)
                .filter(x -> (x & 1) == 0)
                .flatMap(new ChecksumFunctions.LongChecksum())
                .returns(Types.LONG)
                .sinkTo(new DiscardingSink<>());
    }

    @Override
    public void verify(JobExecutionResult res, long n, Map<String, String> out) {
        long count = res.<Long>getAccumulatorResult("count");
        long sum = res.<Long>getAccumulatorResult("sum");
        long m = n / 2; // the odd x pass: outputs 62k+38 for k < m
        long expectedSum = 31 * m * (m - 1) + 38 * m;
        out.put("out_count", Long.toString(count));
        out.put("out_sum", Long.toString(sum));
        out.put("ok", Boolean.toString(count == m && sum == expectedSum));
    }
}
