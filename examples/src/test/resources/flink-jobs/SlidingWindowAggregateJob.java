import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;

/**
 * Sliding event-time windows (size 2 s, slide 500 ms) over a parallel sequence: aggregate with an
 * AggregateFunction (count and sum as "count/sum"), and aggregate with a ProcessWindowFunction that
 * adds key and window bounds. Out-of-orderness bound larger than the input span: nothing is late.
 */
public class SlidingWindowAggregateJob {

    /** (count, sum) accumulator. */
    public static class CountSum implements AggregateFunction<Long, Tuple2<Long, Long>, String> {
        @Override
        public Tuple2<Long, Long> createAccumulator() {
            return Tuple2.of(0L, 0L);
        }

        @Override
        public Tuple2<Long, Long> add(Long value, Tuple2<Long, Long> acc) {
            return Tuple2.of(acc.f0 + 1, acc.f1 + value);
        }

        @Override
        public String getResult(Tuple2<Long, Long> acc) {
            return acc.f0 + "/" + acc.f1;
        }

        @Override
        public Tuple2<Long, Long> merge(Tuple2<Long, Long> a, Tuple2<Long, Long> b) {
            return Tuple2.of(a.f0 + b.f0, a.f1 + b.f1);
        }
    }

    public static List<String> run(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        KeyedStream<Long, Long> keyed = env.fromSequence(0, 2999)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofDays(1))
                        .withTimestampAssigner((v, previous) -> v * 5))
                .keyBy(v -> v % 3);
        DataStream<String> plain = keyed
                .window(SlidingEventTimeWindows.of(Duration.ofSeconds(2), Duration.ofMillis(500)))
                .aggregate(new CountSum())
                .map(s -> "agg " + s).returns(Types.STRING);
        DataStream<String> windowed = keyed
                .window(SlidingEventTimeWindows.of(Duration.ofSeconds(2), Duration.ofMillis(500)))
                .aggregate(new CountSum(), new ProcessWindowFunction<String, String, Long, TimeWindow>() {
                    @Override
                    public void process(Long key, Context context, Iterable<String> elements, Collector<String> out) {
                        for (String s : elements) {
                            out.collect("win " + key + " " + context.window().getStart() + " "
                                    + context.window().maxTimestamp() + " " + s);
                        }
                    }
                });
        List<String> results = new ArrayList<>();
        try (CloseableIterator<String> it = plain.union(windowed).executeAndCollect()) {
            it.forEachRemaining(results::add);
        }
        return results;
    }
}
