package org.millrace.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.millrace.api.JobClient;
import org.millrace.api.StreamExecutionEnvironment;
import org.millrace.api.eventtime.WatermarkStrategy;
import org.millrace.api.fs.Path;
import org.millrace.api.functions.KeyedProcessFunction;
import org.millrace.api.functions.OpenContext;
import org.millrace.api.functions.RichMapFunction;
import org.millrace.api.sink.file.FileSink;
import org.millrace.api.sink.file.SimpleStringEncoder;
import org.millrace.api.state.ValueState;
import org.millrace.api.state.ValueStateDescriptor;
import org.millrace.api.typeinfo.Types;
import org.millrace.api.util.Collector;
import org.millrace.api.windowing.TumblingEventTimeWindows;
import org.millrace.configuration.CheckpointingOptions;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.RestartStrategyOptions;

/**
 * Recovery end to end on the embedded cluster, output through the exactly-once FileSink and
 * compared line by line with plain-Java references: event-time windows (window state and their
 * timers) through an injected failure, and a savepoint taken by stop-with-savepoint restored at
 * another parallelism (key groups, source splits and sink committables redistributed).
 */
class CheckpointRecoveryTest {

    @ParameterizedTest(name = "state backend {0}")
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void windowResultsAreExactlyOnceAfterAFailure(String backend, @TempDir java.nio.file.Path dir) throws Exception {
        long events = 60_000;
        int keys = 50;
        long windowMillis = 1_000;
        Configuration config = checkpointing(backend, dir, 50);
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS, 1);
        config.set(RestartStrategyOptions.FIXED_DELAY_DELAY, Duration.ofMillis(10));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, config);
        String output = dir.resolve("windows").toUri().toString();
        env.fromSequence(0, events - 1)
                .map(new FailOnceAfter<Long>(20_000)).returns(Types.LONG)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((e, t) -> e))
                .keyBy(e -> e % keys, Types.LONG)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(windowMillis)))
                .aggregate(new CountAggregate(), new WindowLine())
                .sinkTo(FileSink.forRowFormat(new Path(output), new SimpleStringEncoder<String>()).build());

        env.execute("windows through a failure");

        Map<String, Integer> expected = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        for (long e = 0; e < events; e++) {
            counts.merge((e % keys) + "," + (e / windowMillis + 1) * windowMillis, 1L, Long::sum);
        }
        counts.forEach((k, c) -> expected.put(k + "," + c, 1));
        assertThat(readCommitted(output)).isEqualTo(expected);
    }

    @Test
    void savepointRestoresAtAnotherParallelismExactlyOnce(@TempDir java.nio.file.Path dir) throws Exception {
        long events = 400_000;
        int keys = 1_000;
        String output = dir.resolve("counts").toUri().toString();
        String savepoints = dir.resolve("savepoints").toUri().toString();

        StreamExecutionEnvironment first = StreamExecutionEnvironment.createLocalEnvironment(2, checkpointing("rocksdb", dir, 50));
        countingJob(first, events, keys, output, true);
        JobClient job = first.executeAsync("counting at parallelism 2");
        // let it commit some output before stopping it
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !FileSink.listCommittedFiles(new Path(output)).isEmpty());
        String savepoint = job.stopWithSavepoint(false, savepoints).get();
        assertThat(new Path(savepoint).getFileSystem().exists(new Path(savepoint, FileSystemCheckpointStorage.METADATA_FILE))).isTrue();
        job.getJobExecutionResult().get(); // a job stopped with a savepoint ends FINISHED
        long linesBefore = readCommitted(output).values().stream().mapToLong(Integer::longValue).sum();
        assertThat(linesBefore).as("output committed before the stop").isBetween(1L, events - 1);

        Configuration restore = checkpointing("hashmap", dir, 50); // the savepoint format is the same for both backends
        restore.set(CheckpointingOptions.SAVEPOINT_PATH, savepoint);
        StreamExecutionEnvironment second = StreamExecutionEnvironment.createLocalEnvironment(3, restore);
        countingJob(second, events, keys, output, false);
        second.execute("counting at parallelism 3 from the savepoint");

        Map<String, Integer> expected = new HashMap<>();
        for (long k = 0; k < keys; k++) {
            for (long c = 1; c <= events / keys; c++) {
                expected.put(k + "," + c, 1);
            }
        }
        assertThat(readCommitted(output)).isEqualTo(expected);
    }

    @Test
    void aFailureRestartsOnlyItsPipelinedRegionAndStaysExactlyOnce(@TempDir java.nio.file.Path dir) throws Exception {
        long events = 100_000;
        Configuration config = checkpointing("hashmap", dir, 50);
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS, 1);
        config.set(RestartStrategyOptions.FIXED_DELAY_DELAY, Duration.ofMillis(10));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, config);
        String output = dir.resolve("forward").toUri().toString();
        // no shuffle: subtask i of the source feeds subtask i of the sink only, two regions
        env.fromSequence(0, events - 1)
                .map(new FailOnceAfter<Long>(20_000)).returns(Types.LONG)
                .map(new AttemptRecorder())
                .sinkTo(FileSink.forRowFormat(new Path(output), new SimpleStringEncoder<String>()).build());

        org.millrace.api.JobExecutionResult result = env.execute("two regions");

        assertThat((Long) result.getAccumulatorResult("attempt-of-subtask-0")).as("the failed subtask restarted").isEqualTo(1);
        assertThat((Long) result.getAccumulatorResult("attempt-of-subtask-1")).as("the other region kept running").isEqualTo(0);
        Map<String, Integer> expected = new HashMap<>();
        for (long e = 0; e < events; e++) {
            expected.put(Long.toString(e), 1);
        }
        assertThat(readCommitted(output)).isEqualTo(expected);
    }

    @Test
    void aFileSourceRewindsToItsCheckpointedOffsetsAfterAFailure(@TempDir java.nio.file.Path dir) throws Exception {
        int lines = 200_000;
        java.nio.file.Path input = dir.resolve("input.txt");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            text.append("line-").append(i).append('\n');
        }
        java.nio.file.Files.writeString(input, text);
        Configuration config = checkpointing("hashmap", dir, 30);
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS, 1);
        config.set(RestartStrategyOptions.FIXED_DELAY_DELAY, Duration.ofMillis(10));
        config.setString("jobmanager.execution.failover-strategy", "full");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, config);
        String output = dir.resolve("lines").toUri().toString();
        env.readTextFile(input.toUri().toString())
                .map(new FailOnceAfter<String>(60_000)).returns(Types.STRING)
                .sinkTo(FileSink.forRowFormat(new Path(output), new SimpleStringEncoder<String>()).build());

        env.execute("file source through a failure");

        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < lines; i++) {
            expected.put("line-" + i, 1);
        }
        assertThat(readCommitted(output)).isEqualTo(expected);
    }

    /** Records the attempt number of each subtask in the job's result; passes values on as text. */
    static final class AttemptRecorder extends RichMapFunction<Long, String> {
        @Override
        public void open(OpenContext openContext) {
            org.millrace.api.accumulators.LongMaximum attempt = new org.millrace.api.accumulators.LongMaximum();
            attempt.add(getRuntimeContext().getTaskInfo().getAttemptNumber());
            getRuntimeContext().addAccumulator("attempt-of-subtask-" + getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(), attempt);
        }

        @Override
        public String map(Long value) {
            return Long.toString(value);
        }
    }

    private static void countingJob(StreamExecutionEnvironment env, long events, int keys, String output, boolean throttled) {
        env.setMaxParallelism(128);
        env.fromSequence(0, events - 1).uid("events")
                .map(new Throttle(throttled)).uid("throttle")
                .keyBy(e -> e % keys, Types.LONG)
                .process(new RunningCount()).uid("count")
                .sinkTo(FileSink.forRowFormat(new Path(output), new SimpleStringEncoder<String>()).build()).uid("sink");
    }

    private static Configuration checkpointing(String backend, java.nio.file.Path dir, long intervalMillis) {
        Configuration config = new Configuration();
        config.setString("state.backend.type", backend);
        config.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(intervalMillis));
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.resolve("checkpoints").toUri().toString());
        return config;
    }

    /** Each committed line and how often it occurs. */
    static Map<String, Integer> readCommitted(String output) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        List<Path> files = FileSink.listCommittedFiles(new Path(output));
        for (Path file : files) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.getFileSystem().open(file), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.merge(line, 1, Integer::sum);
                }
            }
        }
        return lines;
    }

    /** Fails subtask 0 once, in the first attempt, after {@code n} records; passes records on unchanged. */
    static final class FailOnceAfter<T> extends RichMapFunction<T, T> {
        private final long n;
        private transient long seen;

        FailOnceAfter(long n) {
            this.n = n;
        }

        @Override
        public T map(T value) {
            if (getRuntimeContext().getTaskInfo().getAttemptNumber() == 0
                    && getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0 && ++seen == n) {
                throw new IllegalStateException("injected failure after " + n + " records");
            }
            return value;
        }
    }

    /** Slows the first job down (1 ms per 200 records) so that it is still running when it is stopped. */
    static final class Throttle extends RichMapFunction<Long, Long> {
        private final boolean throttled;
        private transient long seen;

        Throttle(boolean throttled) {
            this.throttled = throttled;
        }

        @Override
        public Long map(Long value) throws InterruptedException {
            if (throttled && ++seen % 200 == 0) {
                Thread.sleep(1); // the workload: keeps the job running until it is stopped, not a wait
            }
            return value;
        }
    }

    static final class RunningCount extends KeyedProcessFunction<Long, Long, String> {
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public void processElement(Long event, Context ctx, Collector<String> out) throws Exception {
            Long current = count.value();
            long next = current == null ? 1 : current + 1;
            count.update(next);
            out.collect(ctx.getCurrentKey() + "," + next);
        }
    }

    static final class CountAggregate implements org.millrace.api.functions.AggregateFunction<Long, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Long value, Long acc) {
            return acc + 1;
        }

        @Override
        public Long getResult(Long acc) {
            return acc;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    static final class WindowLine extends org.millrace.api.functions.ProcessWindowFunction<Long, String, Long, org.millrace.api.windowing.TimeWindow> {
        @Override
        public void process(Long key, Context context, Iterable<Long> counts, Collector<String> out) {
            for (Long c : counts) {
                out.collect(key + "," + context.window().getEnd() + "," + c);
            }
        }
    }
}
