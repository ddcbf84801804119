import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;

/**
 * RichMapFunction, RichFilterFunction and RichFlatMapFunction that set themselves up in
 * open(OpenContext) and read task info from getRuntimeContext(); disableChaining and
 * setParallelism on single operators.
 */
public class RichFunctionsJob {

    public static List<String> run(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        DataStream<String> out = env.fromSequence(0, 1999)
                .filter(new RichFilterFunction<Long>() {
                    private transient long modulus;

                    @Override
                    public void open(OpenContext openContext) {
                        modulus = 3;
                    }

                    @Override
                    public boolean filter(Long value) {
                        return value % modulus != 0;
                    }
                })
                .map(new RichMapFunction<Long, String>() {
                    private transient String prefix;

                    @Override
                    public void open(OpenContext openContext) {
                        int subtasks = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
                        int index = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
                        if (index < 0 || index >= subtasks) {
                            throw new IllegalStateException("subtask " + index + " of " + subtasks);
                        }
                        prefix = "p" + subtasks + ":";
                    }

                    @Override
                    public String map(Long value) {
                        return prefix + value;
                    }
                })
                .disableChaining()
                .flatMap(new RichFlatMapFunction<String, String>() {
                    private transient int copies;

                    @Override
                    public void open(OpenContext openContext) {
                        copies = 2;
                    }

                    @Override
                    public void flatMap(String value, Collector<String> collector) {
                        for (int i = 0; i < copies; i++) {
                            collector.collect(value + "#" + i);
                        }
                    }
                })
                .returns(Types.STRING)
                .setParallelism(2);
        List<String> results = new ArrayList<>();
        try (CloseableIterator<String> it = out.executeAndCollect()) {
            it.forEachRemaining(results::add);
        }
        return results;
    }
}
