import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;

/**
 * Event-time session windows (gap 100 ms) with a ProcessWindowFunction emitting key, session
 * bounds, element count and min/max. Timestamps come in bursts with gaps, out of order across
 * the parallel sequence readers; sessions merge as elements arrive.
 */
public class SessionWindowProcessJob {

    /** The timestamp of element v: bursts of 40 elements 3 ms apart, each burst 1 s after the last, some bursts joined. */
    public static long timestamp(long v) {
        long burst = v / 40;
        long within = v % 40;
        // every fifth burst starts right after the previous one ends, so the two form one session
        return (burst + 1) * 1000 - (burst % 5 == 0 ? 950 : 0) + within * 3;
    }

    public static List<String> run(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        DataStream<String> out = env.fromSequence(0, 3199)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofDays(1))
                        .withTimestampAssigner((v, previous) -> timestamp(v)))
                .keyBy(v -> v % 2 == 0 ? "even" : "odd")
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(100)))
                .process(new ProcessWindowFunction<Long, String, String, TimeWindow>() {
                    @Override
                    public void process(String key, Context context, Iterable<Long> elements, Collector<String> out) {
                        long count = 0;
                        long min = Long.MAX_VALUE;
                        long max = Long.MIN_VALUE;
                        for (Long v : elements) {
                            count++;
                            min = Math.min(min, v);
                            max = Math.max(max, v);
                        }
                        out.collect(key + " " + context.window().getStart() + " " + context.window().getEnd()
                                + " " + count + " " + min + " " + max);
                    }
                });
        List<String> results = new ArrayList<>();
        try (CloseableIterator<String> it = out.executeAndCollect()) {
            it.forEachRemaining(results::add);
        }
        return results;
    }
}
