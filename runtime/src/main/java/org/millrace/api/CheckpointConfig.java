package org.millrace.api;

import java.time.Duration;
import org.millrace.configuration.CheckpointingOptions;
import org.millrace.configuration.Configuration;

/**
 * The checkpoint settings of a {@link StreamExecutionEnvironment}, with Flink's names
 * ({@code env.getCheckpointConfig()}). A view of the environment's configuration: each setter writes
 * its {@code execution.checkpointing.*} key, which the job master reads when the job starts, so a
 * setting applies to jobs executed afterwards and a {@code -D} given at launch shows through the
 * getters. Times are in milliseconds, as in Flink.
 *
 * <p>Used by the thread that builds the job, like the environment.
 */
public final class CheckpointConfig {

    private final Configuration configuration;

    CheckpointConfig(Configuration configuration) {
        this.configuration = configuration;
    }

    /** True once an interval is set ({@code execution.checkpointing.interval}). */
    public boolean isCheckpointingEnabled() {
        return configuration.contains(CheckpointingOptions.CHECKPOINTING_INTERVAL);
    }

    /** Time between the starts of two checkpoints; -1 when checkpointing is off. */
    public long getCheckpointInterval() {
        Duration interval = configuration.get(CheckpointingOptions.CHECKPOINTING_INTERVAL);
        return interval == null ? -1 : interval.toMillis();
    }

    /** Turns checkpointing on, starting one every {@code checkpointInterval} ms. */
    public void setCheckpointInterval(long checkpointInterval) {
        requireAtLeast(checkpointInterval, 1, "The checkpoint interval");
        configuration.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(checkpointInterval));
    }

    public long getCheckpointTimeout() {
        return configuration.get(CheckpointingOptions.CHECKPOINTING_TIMEOUT).toMillis();
    }

    /** Time a checkpoint may take before it is aborted as failed ({@code execution.checkpointing.timeout}). */
    public void setCheckpointTimeout(long checkpointTimeout) {
        requireAtLeast(checkpointTimeout, 1, "The checkpoint timeout");
        configuration.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT, Duration.ofMillis(checkpointTimeout));
    }

    public long getMinPauseBetweenCheckpoints() {
        return configuration.get(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS).toMillis();
    }

    /** Least time between the end of a checkpoint and the start of the next ({@code execution.checkpointing.min-pause}). */
    public void setMinPauseBetweenCheckpoints(long minPauseBetweenCheckpoints) {
        requireAtLeast(minPauseBetweenCheckpoints, 0, "The minimum pause between checkpoints");
        configuration.set(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS, Duration.ofMillis(minPauseBetweenCheckpoints));
    }

    public int getTolerableCheckpointFailureNumber() {
        return configuration.get(CheckpointingOptions.TOLERABLE_FAILED_CHECKPOINTS);
    }

    /** Checkpoint failures in a row the job tolerates ({@code execution.checkpointing.tolerable-failed-checkpoints}). */
    public void setTolerableCheckpointFailureNumber(int tolerableCheckpointFailureNumber) {
        requireAtLeast(tolerableCheckpointFailureNumber, 0, "The tolerable checkpoint failure number");
        configuration.set(CheckpointingOptions.TOLERABLE_FAILED_CHECKPOINTS, tolerableCheckpointFailureNumber);
    }

    /** Always 1: Millrace runs one checkpoint at a time. */
    public int getMaxConcurrentCheckpoints() {
        return 1;
    }

    /**
     * Accepts only 1: Millrace runs one checkpoint at a time.
     *
     * @throws UnsupportedOperationException for any other number
     */
    public void setMaxConcurrentCheckpoints(int maxConcurrentCheckpoints) {
        if (maxConcurrentCheckpoints != 1) {
            throw new UnsupportedOperationException("Millrace runs one checkpoint at a time: max concurrent checkpoints"
                    + " must be 1, got " + maxConcurrentCheckpoints + ". Use setMinPauseBetweenCheckpoints to space"
                    + " checkpoints instead.");
        }
    }

    /** Exactly-once or at-least-once ({@code execution.checkpointing.mode}); Flink 2's name. */
    public CheckpointingMode getCheckpointingConsistencyMode() {
        return configuration.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE);
    }

    public void setCheckpointingConsistencyMode(CheckpointingMode mode) {
        if (mode == null) {
            throw new NullPointerException("The checkpointing mode must not be null");
        }
        configuration.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, mode);
    }

    /** The same as {@link #getCheckpointingConsistencyMode()} (the name older Flink jobs use). */
    public CheckpointingMode getCheckpointingMode() {
        return getCheckpointingConsistencyMode();
    }

    /** The same as {@link #setCheckpointingConsistencyMode} (the name older Flink jobs use). */
    public void setCheckpointingMode(CheckpointingMode mode) {
        setCheckpointingConsistencyMode(mode);
    }

    /** True for {@link CheckpointingMode#EXACTLY_ONCE}. */
    public boolean isExactlyOnce() {
        return getCheckpointingConsistencyMode() == CheckpointingMode.EXACTLY_ONCE;
    }

    private static void requireAtLeast(long value, long least, String what) {
        if (value < least) {
            throw new IllegalArgumentException(what + " must be at least " + least + " ms, got " + value);
        }
    }
}
