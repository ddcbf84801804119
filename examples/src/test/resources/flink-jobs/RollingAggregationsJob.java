import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * KeyedStream sum/min/max by tuple position: each keeps the other fields of the key's first record.
 * The input comes from one ordered source straight into keyBy, so each key's order is fixed.
 */
public class RollingAggregationsJob {

    public static List<Tuple3<String, Integer, Integer>> input() {
        List<Tuple3<String, Integer, Integer>> in = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            in.add(Tuple3.of("k" + (i % 7), i % 13, (i * 31) % 1000));
        }
        return in;
    }

    public static List<String> run(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        KeyedStream<Tuple3<String, Integer, Integer>, String> keyed = env
                .fromData(input(), Types.TUPLE(Types.STRING, Types.INT, Types.INT))
                .keyBy(t -> t.f0);
        DataStream<String> sums = keyed.sum(1).map(t -> "sum " + t).returns(Types.STRING);
        DataStream<String> mins = keyed.min(2).map(t -> "min " + t).returns(Types.STRING);
        DataStream<String> maxs = keyed.max(2).map(t -> "max " + t).returns(Types.STRING);
        List<String> results = new ArrayList<>();
        try (CloseableIterator<String> it = sums.union(mins, maxs).executeAndCollect()) {
            it.forEachRemaining(results::add);
        }
        return results;
    }
}
