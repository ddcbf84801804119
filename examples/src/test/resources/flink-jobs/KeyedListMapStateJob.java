import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;

/**
 * KeyedProcessFunction with ListState and MapState: each element emits the running size of its
 * key's list and the running count of its (key, category); a timer past the input emits the
 * key's list sum and category counts, then clears the state.
 */
public class KeyedListMapStateJob {

    public static List<Tuple2<String, Integer>> input() {
        List<Tuple2<String, Integer>> in = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            in.add(Tuple2.of("user" + (i % 9), (i * 17) % 53));
        }
        return in;
    }

    public static List<String> run(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        List<Tuple2<String, Integer>> in = input();
        DataStream<String> out = env.fromData(in, Types.TUPLE(Types.STRING, Types.INT))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Integer>>forBoundedOutOfOrderness(Duration.ofMillis(100))
                        .withTimestampAssigner((t, previous) -> 1000L + t.f1))
                .keyBy(t -> t.f0)
                .process(new KeyedProcessFunction<String, Tuple2<String, Integer>, String>() {
                    private transient ListState<Integer> values;
                    private transient MapState<String, Integer> categories;
                    private transient ValueState<Boolean> timerSet;

                    @Override
                    public void open(OpenContext openContext) {
                        values = getRuntimeContext().getListState(new ListStateDescriptor<>("values", Types.INT));
                        categories = getRuntimeContext().getMapState(
                                new MapStateDescriptor<>("categories", Types.STRING, Types.INT));
                        timerSet = getRuntimeContext().getState(new ValueStateDescriptor<>("timer", Types.BOOLEAN));
                    }

                    @Override
                    public void processElement(Tuple2<String, Integer> value, Context ctx, Collector<String> out)
                            throws Exception {
                        values.add(value.f1);
                        int size = 0;
                        for (Integer ignored : values.get()) {
                            size++;
                        }
                        String category = "c" + (value.f1 % 4);
                        Integer seen = categories.get(category);
                        int now = seen == null ? 1 : seen + 1;
                        categories.put(category, now);
                        out.collect(ctx.getCurrentKey() + " size " + size);
                        out.collect(ctx.getCurrentKey() + " " + category + " " + now);
                        if (timerSet.value() == null) {
                            timerSet.update(true);
                            ctx.timerService().registerEventTimeTimer(1_000_000L);
                        }
                    }

                    @Override
                    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
                        long total = 0;
                        for (Integer v : values.get()) {
                            total += v;
                        }
                        Map<String, Integer> sorted = new TreeMap<>();
                        for (Map.Entry<String, Integer> e : categories.entries()) {
                            sorted.put(e.getKey(), e.getValue());
                        }
                        out.collect(ctx.getCurrentKey() + " total " + total + " " + sorted + " " + categories.contains("c0"));
                        values.clear();
                        categories.clear();
                    }
                });
        List<String> results = new ArrayList<>();
        try (CloseableIterator<String> it = out.executeAndCollect()) {
            it.forEachRemaining(results::add);
        }
        return results;
    }
}
