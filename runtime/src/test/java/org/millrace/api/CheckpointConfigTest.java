package org.millrace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.millrace.api.functions.RichMapFunction;
import org.millrace.api.sink.DiscardingSink;
import org.millrace.api.state.CheckpointListener;
import org.millrace.api.tuple.Tuple2;
import org.millrace.api.typeinfo.Types;
import org.millrace.configuration.CheckpointingOptions;
import org.millrace.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** enableCheckpointing and getCheckpointConfig() write the execution.checkpointing.* keys the job master reads. */
class CheckpointConfigTest {

    @Test
    void defaultsAreFlinksAndCheckpointingIsOff() {
        CheckpointConfig c = StreamExecutionEnvironment.createLocalEnvironment(1).getCheckpointConfig();

        assertThat(c.isCheckpointingEnabled()).isFalse();
        assertThat(c.getCheckpointInterval()).isEqualTo(-1);
        assertThat(c.getCheckpointTimeout()).isEqualTo(600_000);
        assertThat(c.getMinPauseBetweenCheckpoints()).isZero();
        assertThat(c.getTolerableCheckpointFailureNumber()).isZero();
        assertThat(c.getMaxConcurrentCheckpoints()).isEqualTo(1);
        assertThat(c.getCheckpointingConsistencyMode()).isEqualTo(CheckpointingMode.EXACTLY_ONCE);
        assertThat(c.isExactlyOnce()).isTrue();
    }

    @Test
    void settersWriteTheConfigurationKeys() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.enableCheckpointing(250, CheckpointingMode.AT_LEAST_ONCE);
        CheckpointConfig c = env.getCheckpointConfig();
        c.setCheckpointTimeout(30_000);
        c.setMinPauseBetweenCheckpoints(100);
        c.setTolerableCheckpointFailureNumber(3);
        c.setMaxConcurrentCheckpoints(1);

        Configuration conf = env.getConfiguration();
        assertThat(conf.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEqualTo(Duration.ofMillis(250));
        assertThat(conf.get(CheckpointingOptions.CHECKPOINTING_TIMEOUT)).isEqualTo(Duration.ofSeconds(30));
        assertThat(conf.get(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS)).isEqualTo(Duration.ofMillis(100));
        assertThat(conf.get(CheckpointingOptions.TOLERABLE_FAILED_CHECKPOINTS)).isEqualTo(3);
        assertThat(conf.getString("execution.checkpointing.mode", null)).isEqualTo("AT_LEAST_ONCE");
        assertThat(c.isCheckpointingEnabled()).isTrue();
        assertThat(c.getCheckpointInterval()).isEqualTo(250);
        assertThat(c.getCheckpointingMode()).isEqualTo(CheckpointingMode.AT_LEAST_ONCE);
    }

    @Test
    void settingsGivenInTheConfigurationShowThroughTheGetters() {
        Configuration conf = new Configuration()
                .setString("execution.checkpointing.interval", "5 s")
                .setString("execution.checkpointing.mode", "at_least_once");

        CheckpointConfig c = StreamExecutionEnvironment.createLocalEnvironment(1, conf).getCheckpointConfig();

        assertThat(c.getCheckpointInterval()).isEqualTo(5000);
        assertThat(c.isExactlyOnce()).isFalse();
    }

    @Test
    void unsupportedOrInvalidSettingsFailClearly() {
        CheckpointConfig c = StreamExecutionEnvironment.createLocalEnvironment(1).getCheckpointConfig();

        assertThatThrownBy(() -> c.setMaxConcurrentCheckpoints(2))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("one checkpoint at a time");
        assertThatThrownBy(() -> c.setCheckpointInterval(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.setMinPauseBetweenCheckpoints(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.setTolerableCheckpointFailureNumber(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBoundedJobWithCheckpointingOnGivesTheExactAnswer() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(50);
        env.getCheckpointConfig().setMinPauseBetweenCheckpoints(10);

        List<Tuple2<Long, Long>> out = env.fromSequence(1, 10_000)
                .map(v -> Tuple2.of(v % 7, v))
                .returns(Types.TUPLE(Types.LONG, Types.LONG))
                .keyBy(t -> t.f0, Types.LONG)
                .sum(1)
                .executeAndCollect(20_000);

        // running sums of positive values grow, so each key's largest is its total
        Map<Long, Long> totals = out.stream().collect(Collectors.toMap(t -> t.f0, t -> t.f1, Math::max));
        Map<Long, Long> expected = LongStream.rangeClosed(1, 10_000).boxed()
                .collect(Collectors.groupingBy(v -> v % 7, Collectors.summingLong(v -> v)));
        assertThat(out).hasSize(10_000);
        assertThat(totals).isEqualTo(expected);
    }

    /** Completed checkpoint ids each subtask's function heard of, by subtask; filled by the job's tasks. */
    private static final Map<Integer, List<Long>> HEARD = new java.util.concurrent.ConcurrentHashMap<>();

    /** Passes values on and remembers the completed checkpoints it is told of. */
    static final class ListeningMap extends RichMapFunction<Long, Long> implements CheckpointListener {
        @Override
        public Long map(Long value) {
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            HEARD.computeIfAbsent(getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(),
                    i -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(checkpointId);
        }
    }

    @Test
    void aUserFunctionThatIsACheckpointListenerHearsOfEveryCompletedCheckpointUpToTheFinalOne() throws Exception {
        HEARD.clear();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(20);
        env.fromSequence(1, 20_000).map(new ListeningMap()).sinkTo(new DiscardingSink<>());

        JobExecutionResult result = env.execute("listening");

        List<Long> completed = result.getCheckpointStats().stream()
                .filter(c -> c.completed() && !c.savepoint()).map(c -> c.checkpointId()).toList();
        assertThat(completed).isNotEmpty();
        long last = completed.get(completed.size() - 1);
        assertThat(HEARD).containsOnlyKeys(0, 1);
        for (List<Long> heard : HEARD.values()) {
            // each subtask waits at its end for its final checkpoint to complete, so it hears of one at least
            assertThat(heard).isNotEmpty().isSorted().doesNotHaveDuplicates().isSubsetOf(completed);
        }
        // the last checkpoint is the final one of a subtask that ended last, and it heard of it
        assertThat(HEARD.values().stream().flatMap(List::stream)).contains(last);
    }
}
