package org.millrace.examples;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.millrace.api.StreamExecutionEnvironment;
import org.millrace.api.accumulators.LongCounter;
import org.millrace.api.accumulators.LongMaximum;
import org.millrace.api.fs.Path;
import org.millrace.api.functions.KeyedProcessFunction;
import org.millrace.api.functions.OpenContext;
import org.millrace.api.sink.file.FileSink;
import org.millrace.api.sink.file.SimpleStringEncoder;
import org.millrace.api.state.CheckpointListener;
import org.millrace.api.state.ValueState;
import org.millrace.api.state.ValueStateDescriptor;
import org.millrace.api.typeinfo.Types;
import org.millrace.api.util.Collector;
import org.millrace.configuration.CheckpointingOptions;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.RestartStrategyOptions;

/**
 * The exactly-once check job: a sequence of events over {@code keys} keys, a running count per key
 * in {@code ValueState}, and an exactly-once file sink writing {@code key,count} for every update.
 * With {@code --fail-at-random M} the counting function throws at M random points (attempt i fails
 * after a random number of records; the first attempt, if it can, after a checkpoint has completed), and the job
 * recovers each time from its latest checkpoint.
 * Whatever the failures, the committed output holds, for every key k with n events, the lines
 * {@code k,1} .. {@code k,n} exactly once.
 *
 * <p>Arguments: {@code --events N} (1,000,000), {@code --keys K} (10,000), {@code --output PATH}
 * (required; a directory on any file system), {@code --fail-at-random M} (0),
 * {@code --checkpoint-interval MS} (200), {@code --seed S} (42). The state backend and checkpoint
 * directory come from the configuration ({@code state.backend.type}, {@code execution.checkpointing.dir}).
 */
public final class ExactlyOnceCounter {

    /** Accumulator with the attempt number of the run that finished (= the number of restarts). */
    public static final String ATTEMPT_ACCUMULATOR = "finishing-attempt";
    /** Accumulator with the events the finishing attempt counted: fewer than all when it restored a checkpoint. */
    public static final String PROCESSED_ACCUMULATOR = "events-counted-by-finishing-attempt";

    private ExactlyOnceCounter() {}

    public static void main(String[] args) throws Exception {
        long events = Long.parseLong(option(args, "--events", "1000000"));
        int keys = Integer.parseInt(option(args, "--keys", "10000"));
        String output = option(args, "--output", null);
        int failures = Integer.parseInt(option(args, "--fail-at-random", "0"));
        long interval = Long.parseLong(option(args, "--checkpoint-interval", "200"));
        long seed = Long.parseLong(option(args, "--seed", "42"));
        if (output == null) {
            throw new IllegalArgumentException("--output PATH is required (a directory for the committed part files)");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        build(env, events, keys, output, failures, interval, seed);
        env.execute("ExactlyOnceCounter");
    }

    /** Adds the job to {@code env} with {@code failures} random failure points, and its checkpointing and restart settings. */
    public static void build(StreamExecutionEnvironment env, long events, int keys, String output, int failures,
            long checkpointIntervalMillis, long seed) {
        long perSubtask = Math.max(1, events / Math.max(1, env.getParallelism()));
        build(env, events, keys, output, randomFailurePoints(failures, perSubtask, seed), checkpointIntervalMillis);
    }

    /** Adds the job to {@code env}: attempt i of the first counting subtask fails after {@code failAt[i]} events. */
    public static void build(StreamExecutionEnvironment env, long events, int keys, String output, long[] failAt,
            long checkpointIntervalMillis) {
        Configuration config = env.getConfiguration();
        config.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(checkpointIntervalMillis));
        if (failAt.length > 0) {
            config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            config.set(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS, failAt.length);
            config.set(RestartStrategyOptions.FIXED_DELAY_DELAY, Duration.ofMillis(10));
        }
        env.fromSequence(0, events - 1)
                .name("Events")
                .keyBy(i -> i % keys, Types.LONG)
                // the first attempt waits for a checkpoint at most until half its subtask's share
                .process(new RunningCount(failAt, Math.max(1, events / Math.max(1, env.getParallelism()) / 2)))
                .name("Count")
                .sinkTo(FileSink.forRowFormat(new Path(output), new SimpleStringEncoder<String>()).build())
                .name("Committed output");
    }

    /**
     * Attempt i of subtask 0 fails after failAt[i] records; attempt 0 not before a checkpoint has
     * completed, unless it reaches half its share first. Each point is below share / (2 (M + 1)), so
     * the later attempts together reach their points within the other half, whichever checkpoint
     * they restart from: exactly M failures happen.
     */
    static long[] randomFailurePoints(int failures, long recordsPerSubtask, long seed) {
        Random random = new Random(seed);
        long[] points = new long[failures];
        long bound = Math.max(1, recordsPerSubtask / (2L * (failures + 1)));
        for (int i = 0; i < failures; i++) {
            points[i] = 1 + (long) (random.nextDouble() * bound);
        }
        return points;
    }

    /** Counts the events of each key in keyed state and emits {@code key,count}; throws where it is told to. */
    public static final class RunningCount extends KeyedProcessFunction<Long, Long, String> implements CheckpointListener {
        private static final long serialVersionUID = 1L;

        private final long[] failAt;
        private transient ValueState<Long> count;
        private transient long processed;
        private transient long failAfter;
        private transient LongCounter counted;
        /** The first attempt fails here at the latest, checkpoint or not, so that every attempt fails. */
        private final long firstAttemptDeadline;
        /**
         * Whether this attempt may fail at its point: the first only once a checkpoint has completed in
         * it, so that the later attempts, the finishing one included, restore from a checkpoint.
         */
        private transient boolean mayFail;

        RunningCount(long[] failAt, long firstAttemptDeadline) {
            this.failAt = failAt.clone();
            this.firstAttemptDeadline = Math.max(firstAttemptDeadline, failAt.length > 0 ? failAt[0] : 0);
        }

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
            int attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
            boolean failsThisAttempt = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0 && attempt < failAt.length;
            failAfter = failsThisAttempt ? failAt[attempt] : -1;
            mayFail = attempt > 0;
            // The job's result carries the accumulators of the attempt that finished: how often it was restarted.
            LongMaximum attempts = new LongMaximum();
            attempts.add(attempt);
            getRuntimeContext().addAccumulator(ATTEMPT_ACCUMULATOR, attempts);
            counted = new LongCounter();
            getRuntimeContext().addAccumulator(PROCESSED_ACCUMULATOR, counted);
        }

        @Override
        public void processElement(Long event, Context ctx, Collector<String> out) throws Exception {
            if (failAfter > 0 && ++processed >= failAfter) {
                if (mayFail || processed >= firstAttemptDeadline) {
                    throw new InjectedFailure("injected failure after " + processed + " records of attempt "
                            + getRuntimeContext().getTaskInfo().getAttemptNumber() + " (points " + Arrays.toString(failAt) + ")");
                }
                if (processed % 10 == 0) {
                    // the first attempt, past its point, slows down until a checkpoint completes (barriers
                    // pass between records): workload pacing, not a wait
                    Thread.sleep(1);
                }
            }
            counted.add(1L);
            Long current = count.value();
            long next = current == null ? 1 : current + 1;
            count.update(next);
            out.collect(ctx.getCurrentKey() + "," + next);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            mayFail = true;
        }
    }

    /** The failure the job injects on purpose. */
    public static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFailure(String message) {
            super(message);
        }
    }

    private static String option(String[] args, String name, String defaultValue) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return defaultValue;
    }
}
