import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.ReduceFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Tumbling event-time windows of 1 s on monotonous timestamps from one ordered source: a plain
 * reduce (per-key window sums) and a reduce with a ProcessWindowFunction that adds the window
 * start. Late data goes to a side output; with monotonous timestamps there is none.
 */
public class TumblingWindowReduceJob {

    public static List<Tuple2<String, Long>> input() {
        List<Tuple2<String, Long>> in = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            in.add(Tuple2.of("k" + (i % 4), (long) i));
        }
        return in;
    }

    public static List<String> run(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        final OutputTag<Tuple2<String, Long>> late = new OutputTag<Tuple2<String, Long>>("late") {};
        // timestamp 7 ms per element: element i lies in window (7i / 1000)
        DataStream<Tuple2<String, Long>> events = env.fromData(input(), Types.TUPLE(Types.STRING, Types.LONG))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forMonotonousTimestamps()
                        .withTimestampAssigner((t, previous) -> t.f1 * 7));
        SingleOutputStreamOperator<Tuple2<String, Long>> sums = events
                .keyBy(t -> t.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .allowedLateness(Duration.ZERO)
                .sideOutputLateData(late)
                .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1));
        DataStream<String> withStart = events
                .keyBy(t -> t.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .reduce(new ReduceFunction<Tuple2<String, Long>>() {
                            @Override
                            public Tuple2<String, Long> reduce(Tuple2<String, Long> a, Tuple2<String, Long> b) {
                                return a.f1 >= b.f1 ? a : b;
                            }
                        },
                        new ProcessWindowFunction<Tuple2<String, Long>, String, String, TimeWindow>() {
                            @Override
                            public void process(String key, Context context, Iterable<Tuple2<String, Long>> elements,
                                    Collector<String> out) {
                                for (Tuple2<String, Long> max : elements) {
                                    out.collect("max " + key + " " + context.window().getStart() + "-"
                                            + context.window().getEnd() + " " + max.f1);
                                }
                            }
                        });
        DataStream<String> out = sums.map(t -> "sum " + t.f0 + " " + t.f1).returns(Types.STRING)
                .union(withStart, sums.getSideOutput(late).map(t -> "late " + t).returns(Types.STRING));
        List<String> results = new ArrayList<>();
        try (CloseableIterator<String> it = out.executeAndCollect()) {
            it.forEachRemaining(results::add);
        }
        return results;
    }
}
