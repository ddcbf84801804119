import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.util.CloseableIterator;

/**
 * Session windows (gap 100 ms) whose state merges as sessions join: aggregate with an
 * AggregateFunction (count per session) and reduce (sum per session). Bursts of 40 elements 3 ms
 * apart, 1 s between bursts, keys even and odd.
 */
public class SessionWindowAggregateJob {
    /** Counts the elements of a window; merge adds the counts of two joined sessions. */
    public static class Count implements AggregateFunction<Long, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Long value, Long acc) {
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

    public static List<String> run(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        DataStream<Long> in = env.fromSequence(0, 3199)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofDays(1))
                        .withTimestampAssigner((v, p) -> (v / 40) * 1000 + (v % 40) * 3));
        DataStream<String> counts = in.keyBy(v -> v % 2)
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(100)))
                .aggregate(new Count()).map(c -> "count " + c).returns(Types.STRING);
        DataStream<String> sums = in.keyBy(v -> v % 2)
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(100)))
                .reduce((a, b) -> a + b).map(c -> "sum " + c).returns(Types.STRING);
        List<String> results = new ArrayList<>();
        try (CloseableIterator<String> it = counts.union(sums).executeAndCollect()) {
            it.forEachRemaining(results::add);
        }
        return results;
    }
}
