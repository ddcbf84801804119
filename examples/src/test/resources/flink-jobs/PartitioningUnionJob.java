import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * fromData, fromElements, fromCollection, union, shuffle, rescale, forward, broadcast.
 * The broadcast branch reaches every parallel instance of the map after it.
 */
public class PartitioningUnionJob {

    public static List<String> run(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        List<Integer> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(i);
        }
        DataStream<String> shuffled = env.fromData(many).shuffle().map(i -> "s" + i).returns(Types.STRING);
        DataStream<String> rescaled = env.fromCollection(many).rescale().map(i -> "r" + (i * 2)).returns(Types.STRING);
        DataStream<String> forwarded = env.fromElements("x", "y", "z").forward()
                .map(s -> "f" + s).returns(Types.STRING).setParallelism(1); // forward keeps the source's parallelism
        DataStream<String> broadcast = env.fromData(1, 2, 3, 4, 5).broadcast().map(i -> "b" + i).returns(Types.STRING);
        DataStream<String> all = shuffled.union(rescaled, forwarded, broadcast);
        List<String> results = new ArrayList<>();
        try (CloseableIterator<String> it = all.executeAndCollect()) {
            it.forEachRemaining(results::add);
        }
        return results;
    }
}
