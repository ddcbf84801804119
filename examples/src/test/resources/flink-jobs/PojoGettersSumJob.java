import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/** A POJO with private fields and getters/setters: keyBy a method reference, sum("value") by field name. */
public class PojoGettersSumJob {
    public static class Reading {
        private String sensor;
        private int value;
        public Reading() {}
        public Reading(String sensor, int value) { this.sensor = sensor; this.value = value; }
        public String getSensor() { return sensor; }
        public void setSensor(String sensor) { this.sensor = sensor; }
        public int getValue() { return value; }
        public void setValue(int value) { this.value = value; }
    }

    public static List<String> run(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        List<Reading> in = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            in.add(new Reading("s" + (i % 3), i));
        }
        List<String> results = new ArrayList<>();
        try (CloseableIterator<Reading> it = env.fromData(in).keyBy(Reading::getSensor).sum("value").executeAndCollect()) {
            it.forEachRemaining(r -> results.add(r.getSensor() + "=" + r.getValue()));
        }
        return results;
    }
}
