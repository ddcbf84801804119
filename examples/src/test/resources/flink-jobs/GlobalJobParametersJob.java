import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * Global job parameters set on the ExecutionConfig and read by rich functions from their runtime
 * context (Flink 2: getRuntimeContext().getGlobalJobParameters() is a Map), plus the other
 * commonly used ExecutionConfig settings.
 */
public class GlobalJobParametersJob {

    /** The job's parameters, as a job would parse them from its arguments. */
    public static class JobParameters extends ExecutionConfig.GlobalJobParameters {
        private final Map<String, String> values = new HashMap<>();

        public JobParameters(int modulus, String prefix) {
            values.put("modulus", Integer.toString(modulus));
            values.put("prefix", prefix);
        }

        @Override
        public Map<String, String> toMap() {
            return values;
        }
    }

    public static List<String> run(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        ExecutionConfig config = env.getConfig();
        config.setGlobalJobParameters(new JobParameters(7, "v, x: "));
        config.setAutoWatermarkInterval(100);
        config.enableObjectReuse();
        config.setMaxParallelism(64);
        DataStream<String> out = env.fromSequence(1, 2000)
                .filter(new RichFilterFunction<Long>() {
                    private long modulus;

                    @Override
                    public void open(OpenContext openContext) {
                        modulus = Long.parseLong(getRuntimeContext().getGlobalJobParameters().get("modulus"));
                    }

                    @Override
                    public boolean filter(Long value) {
                        return value % modulus == 0;
                    }
                })
                .map(new RichMapFunction<Long, String>() {
                    private String prefix;

                    @Override
                    public void open(OpenContext openContext) {
                        prefix = getRuntimeContext().getGlobalJobParameters().get("prefix");
                    }

                    @Override
                    public String map(Long value) {
                        return prefix + value;
                    }
                });
        List<String> results = new ArrayList<>();
        try (CloseableIterator<String> it = out.executeAndCollect()) {
            it.forEachRemaining(results::add);
        }
        return results;
    }
}
