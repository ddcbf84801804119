import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;

/** fromSequence, map, filter, flatMap, rebalance, name/uid; x -> 3x, keep even, emit "a:v" and "b:v+1". */
public class SequenceTransformJob {

    public static List<String> run(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        DataStream<String> out = env.fromSequence(1, 3000)
                .map(new MapFunction<Long, Long>() {
                    @Override
                    public Long map(Long value) {
                        return value * 3;
                    }
                }).name("triple").uid("triple")
                .filter(new FilterFunction<Long>() {
                    @Override
                    public boolean filter(Long value) {
                        return value % 2 == 0;
                    }
                })
                .rebalance()
                .flatMap(new FlatMapFunction<Long, String>() {
                    @Override
                    public void flatMap(Long value, Collector<String> collector) {
                        collector.collect("a:" + value);
                        collector.collect("b:" + (value + 1));
                    }
                })
                .returns(Types.STRING);
        List<String> results = new ArrayList<>();
        try (CloseableIterator<String> it = out.executeAndCollect("sequence-transform")) {
            it.forEachRemaining(results::add);
        }
        return results;
    }
}
