import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.CheckpointConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * A bounded job with checkpointing on (enableCheckpointing and the CheckpointConfig settings): a
 * running sum and a running maximum per key, which must be exact whether or not checkpoints are
 * taken while it runs.
 */
public class CheckpointedRunningSumJob {

    public static List<String> run(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        env.enableCheckpointing(100, CheckpointingMode.EXACTLY_ONCE);
        CheckpointConfig checkpoints = env.getCheckpointConfig();
        checkpoints.setCheckpointTimeout(60_000);
        checkpoints.setMinPauseBetweenCheckpoints(50);
        checkpoints.setTolerableCheckpointFailureNumber(2);
        checkpoints.setMaxConcurrentCheckpoints(1);
        List<Tuple2<Integer, Long>> in = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            in.add(Tuple2.of(i % 17, (long) ((i * 29) % 101)));
        }
        DataStream<Tuple2<Integer, Long>> keyed = env.fromData(in, Types.TUPLE(Types.INT, Types.LONG));
        DataStream<String> sums = keyed.keyBy(t -> t.f0).sum(1).map(t -> "sum " + t.f0 + " " + t.f1).returns(Types.STRING);
        DataStream<String> maxima = keyed.keyBy(t -> t.f0).maxBy(1).map(t -> "max " + t.f0 + " " + t.f1).returns(Types.STRING);
        List<String> results = new ArrayList<>();
        try (CloseableIterator<String> it = sums.union(maxima).executeAndCollect()) {
            it.forEachRemaining(results::add);
        }
        return results;
    }
}
