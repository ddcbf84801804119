import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** ProcessFunction with two side outputs (OutputTag with and without a type), getSideOutput. */
public class ProcessSideOutputsJob {

    public static List<String> run(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        final OutputTag<String> odd = new OutputTag<String>("odd") {};
        final OutputTag<Long> fives = new OutputTag<>("fives", Types.LONG);
        SingleOutputStreamOperator<String> evens = env.fromSequence(0, 2999)
                .process(new ProcessFunction<Long, String>() {
                    @Override
                    public void processElement(Long value, Context ctx, Collector<String> out) {
                        if (value % 2 == 0) {
                            out.collect("even " + value);
                        } else {
                            ctx.output(odd, "odd " + value);
                        }
                        if (value % 5 == 0) {
                            ctx.output(fives, value / 5);
                        }
                    }
                });
        DataStream<String> oddStream = evens.getSideOutput(odd);
        DataStream<String> fiveStream = evens.getSideOutput(fives).map(v -> "five " + v).returns(Types.STRING);
        List<String> results = new ArrayList<>();
        try (CloseableIterator<String> it = evens.union(oddStream, fiveStream).executeAndCollect()) {
            it.forEachRemaining(results::add);
        }
        return results;
    }
}
