import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;

/**
 * KeyedProcessFunction with ValueState and event-time timers. Every element registers a timer at
 * the end of its 1000 ms bucket, shifted past all input (so all fire on the final watermark);
 * registering the same time twice gives one timer, and buckets divisible by 4 are deleted again.
 * Each firing emits the key, the bucket and the key's element count and sum.
 */
public class KeyedTimersValueStateJob {

    static final long SHIFT = 1_000_000L;

    public static List<String> run(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        DataStream<String> out = env.fromSequence(0, 3999)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofHours(1))
                        .withTimestampAssigner((value, previous) -> value * 3))
                .keyBy(v -> (int) (v % 6))
                .process(new KeyedProcessFunction<Integer, Long, String>() {
                    private transient ValueState<Long> count;
                    private transient ValueState<Long> sum;

                    @Override
                    public void open(OpenContext openContext) {
                        count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
                        sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Long.class));
                    }

                    @Override
                    public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
                        Long c = count.value();
                        count.update(c == null ? 1L : c + 1);
                        Long s = sum.value();
                        sum.update(s == null ? value : s + value);
                        long bucket = ctx.timestamp() / 1000;
                        ctx.timerService().registerEventTimeTimer(SHIFT + bucket * 1000 + 999);
                        if (bucket % 4 == 0) {
                            ctx.timerService().deleteEventTimeTimer(SHIFT + bucket * 1000 + 999);
                        }
                    }

                    @Override
                    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
                        String domain = ctx.timeDomain() == TimeDomain.EVENT_TIME ? "event" : "processing";
                        out.collect(ctx.getCurrentKey() + " " + domain + " " + ((timestamp - SHIFT) / 1000)
                                + " " + count.value() + " " + sum.value());
                    }
                });
        List<String> results = new ArrayList<>();
        try (CloseableIterator<String> it = out.executeAndCollect()) {
            it.forEachRemaining(results::add);
        }
        return results;
    }
}
