package org.millrace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.millrace.api.functions.RichMapFunction;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.ExecutionOptions;
import org.millrace.configuration.KeyValueLists;
import org.junit.jupiter.api.Test;

/** env.getConfig() writes the environment's settings, and functions see the global job parameters and object-reuse flag. */
class ExecutionConfigTest {

    /** Parameters a Flink job would register: a subclass telling its map. */
    static final class Params extends ExecutionConfig.GlobalJobParameters {
        private static final long serialVersionUID = 1L;
        private final Map<String, String> map;

        Params(Map<String, String> map) {
            this.map = map;
        }

        @Override
        public Map<String, String> toMap() {
            return map;
        }
    }

    /** Emits "key=value" of a global job parameter and the object-reuse flag, per record. */
    static final class ReadParameters extends RichMapFunction<Long, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String map(Long value) {
            Map<String, String> p = getRuntimeContext().getGlobalJobParameters();
            return value + ":" + p.get("greeting") + ":" + p.get("odd, key") + ":" + getRuntimeContext().isObjectReuseEnabled();
        }
    }

    @Test
    void functionsSeeTheGlobalJobParametersAndTheObjectReuseFlag() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("greeting", "say \"hi\": now");
        params.put("odd, key", " padded ");
        env.getConfig().setGlobalJobParameters(new Params(params));
        env.getConfig().enableObjectReuse();

        List<String> out = env.fromSequence(1, 4).map(new ReadParameters()).executeAndCollect(10);

        assertThat(out).containsExactlyInAnyOrder(
                "1:say \"hi\": now: padded :true", "2:say \"hi\": now: padded :true",
                "3:say \"hi\": now: padded :true", "4:say \"hi\": now: padded :true");
        assertThat(env.getConfig().getGlobalJobParameters().toMap()).isEqualTo(params);
    }

    @Test
    void withoutParametersFunctionsSeeAnEmptyMap() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

        List<String> out = env.fromSequence(1, 1).map(new ReadParameters()).executeAndCollect(10);

        assertThat(out).containsExactly("1:null:null:false");
        assertThat(env.getConfig().getGlobalJobParameters().toMap()).isEmpty();
    }

    @Test
    void parametersGivenInTheConfigurationShowThroughTheGetter() {
        Configuration conf = new Configuration().setString("pipeline.global-job-parameters", "a:1,\"b:c\":\"x,y\"");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, conf);

        assertThat(env.getConfig().getGlobalJobParameters().toMap()).containsExactly(Map.entry("a", "1"), Map.entry("b:c", "x,y"));
    }

    @Test
    void settersWriteTheEnvironmentsSettings() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

        env.getConfig().setAutoWatermarkInterval(50).setMaxParallelism(64).disableObjectReuse();

        assertThat(env.getConfiguration().get(ExecutionOptions.AUTO_WATERMARK_INTERVAL)).isEqualTo(Duration.ofMillis(50));
        assertThat(env.getConfig().getAutoWatermarkInterval()).isEqualTo(50);
        assertThat(env.getMaxParallelism()).isEqualTo(64);
        env.setMaxParallelism(32);
        assertThat(env.getConfig().getMaxParallelism()).isEqualTo(32);
        assertThat(env.getConfig().isObjectReuseEnabled()).isFalse();
        assertThatThrownBy(() -> env.getConfig().setAutoWatermarkInterval(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyValueListsRoundTripKeysAndValuesWithSeparatorsAndQuotes() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("plain", "value");
        map.put("with,comma", "with:colon");
        map.put("quote\"d", "");
        map.put(" blank ", "x");

        assertThat(KeyValueLists.parse(KeyValueLists.format(map))).isEqualTo(map);
        assertThat(KeyValueLists.parse("k1:v1, k2 : v2")).containsExactly(Map.entry("k1", "v1"), Map.entry("k2", "v2"));
        assertThatThrownBy(() -> KeyValueLists.parse("novalue")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyValueLists.parse("\"open:x")).isInstanceOf(IllegalArgumentException.class);
    }
}
