import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/** KeyedStream minBy/maxBy by position and by field name ("f1"); they return the whole record (first on ties). */
public class MinByMaxByJob {

    public static List<Tuple3<String, Integer, Integer>> input() {
        List<Tuple3<String, Integer, Integer>> in = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            in.add(Tuple3.of("k" + (i % 5), (i * 7) % 101, i));
        }
        return in;
    }

    public static List<String> run(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        KeyedStream<Tuple3<String, Integer, Integer>, String> keyed = env
                .fromData(input(), Types.TUPLE(Types.STRING, Types.INT, Types.INT))
                .keyBy(t -> t.f0);
        DataStream<String> minBy = keyed.minBy(1).map(t -> "minBy " + t).returns(Types.STRING);
        DataStream<String> maxBy = keyed.maxBy("f1").map(t -> "maxBy " + t).returns(Types.STRING);
        List<String> results = new ArrayList<>();
        try (CloseableIterator<String> it = minBy.union(maxBy).executeAndCollect()) {
            it.forEachRemaining(results::add);
        }
        return results;
    }
}
