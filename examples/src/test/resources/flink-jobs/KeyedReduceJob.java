import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.ReduceFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/** keyBy(KeySelector) and a rolling reduce (running sum and running maximum per key). */
public class KeyedReduceJob {

    public static List<String> run(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        List<Tuple2<Integer, Long>> in = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            in.add(Tuple2.of(i % 11, (long) ((i * 13) % 97)));
        }
        DataStream<String> out = env.fromData(in, Types.TUPLE(Types.INT, Types.LONG))
                .keyBy(new KeySelector<Tuple2<Integer, Long>, Integer>() {
                    @Override
                    public Integer getKey(Tuple2<Integer, Long> value) {
                        return value.f0;
                    }
                })
                .reduce(new ReduceFunction<Tuple2<Integer, Long>>() {
                    @Override
                    public Tuple2<Integer, Long> reduce(Tuple2<Integer, Long> a, Tuple2<Integer, Long> b) {
                        return Tuple2.of(a.f0, a.f1 + b.f1);
                    }
                })
                .map(t -> t.f0 + ":" + t.f1)
                .returns(Types.STRING);
        List<String> results = new ArrayList<>();
        try (CloseableIterator<String> it = out.executeAndCollect()) {
            it.forEachRemaining(results::add);
        }
        return results;
    }
}
