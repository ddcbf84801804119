import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.AggregatingState;
import org.apache.flink.api.common.state.AggregatingStateDescriptor;
import org.apache.flink.api.common.state.ReducingState;
import org.apache.flink.api.common.state.ReducingStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * KeyedProcessFunction with ReducingState (sum) and AggregatingState (count, min, max), read by an
 * event-time timer past the input (registered once per key, however often it is registered);
 * WatermarkStrategy.withIdleness; executeAndCollect(int) with a limit equal to the output size.
 */
public class ReducingAggregatingStateJob {

    /** (count, min, max) of the values added. */
    public static class CountMinMax implements AggregateFunction<Long, Tuple3<Long, Long, Long>, String> {
        @Override
        public Tuple3<Long, Long, Long> createAccumulator() {
            return Tuple3.of(0L, Long.MAX_VALUE, Long.MIN_VALUE);
        }

        @Override
        public Tuple3<Long, Long, Long> add(Long value, Tuple3<Long, Long, Long> acc) {
            return Tuple3.of(acc.f0 + 1, Math.min(acc.f1, value), Math.max(acc.f2, value));
        }

        @Override
        public String getResult(Tuple3<Long, Long, Long> acc) {
            return acc.f0 + " [" + acc.f1 + ", " + acc.f2 + "]";
        }

        @Override
        public Tuple3<Long, Long, Long> merge(Tuple3<Long, Long, Long> a, Tuple3<Long, Long, Long> b) {
            return Tuple3.of(a.f0 + b.f0, Math.min(a.f1, b.f1), Math.max(a.f2, b.f2));
        }
    }

    public static List<String> run(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        return env.fromSequence(0, 4999)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
                        .withTimestampAssigner((v, previous) -> v)
                        .withIdleness(Duration.ofMinutes(5)))
                .keyBy(v -> v % 8)
                .process(new KeyedProcessFunction<Long, Long, String>() {
                    private transient ReducingState<Long> sum;
                    private transient AggregatingState<Long, String> stats;

                    @Override
                    public void open(OpenContext openContext) {
                        sum = getRuntimeContext().getReducingState(
                                new ReducingStateDescriptor<>("sum", (a, b) -> a + b, Types.LONG));
                        stats = getRuntimeContext().getAggregatingState(new AggregatingStateDescriptor<>(
                                "stats", new CountMinMax(), Types.TUPLE(Types.LONG, Types.LONG, Types.LONG)));
                    }

                    @Override
                    public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
                        sum.add(value * value);
                        stats.add(value);
                        ctx.timerService().registerEventTimeTimer(1_000_000L);
                    }

                    @Override
                    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
                        out.collect(ctx.getCurrentKey() + " " + sum.get() + " " + stats.get());
                    }
                })
                .executeAndCollect(8);
    }
}
