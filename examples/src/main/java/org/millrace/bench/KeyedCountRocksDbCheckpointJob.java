package org.millrace.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.millrace.api.JobExecutionResult;
import org.millrace.api.CheckpointingMode;
import org.millrace.api.StreamExecutionEnvironment;
import org.millrace.checkpoint.CheckpointStats;
import org.millrace.configuration.CheckpointingOptions;
import org.millrace.configuration.Configuration;

/**
 * peer-bench "keyed-count-rocksdb-ckpt": the keyed-count pipeline with the RocksDB state backend and
 * exactly-once checkpoints (full snapshots) every {@code interval} into the run's scratch directory.
 * Figures: those of keyed-count, and from the job's checkpoint history the completed and failed
 * checkpoints, their average and largest duration (trigger to metadata written, as Flink's
 * end-to-end duration) and the largest checkpointed state. Savepoints are not counted.
 * Used by the benchmark's thread.
 */
final class KeyedCountRocksDbCheckpointJob implements BenchJob {

    private final Duration interval;
    private final KeyedCountJob keyedCount = new KeyedCountJob();

    KeyedCountRocksDbCheckpointJob(Duration interval) {
        this.interval = interval;
    }

    @Override
    public void configure(Configuration conf, Path scratchDir) {
        conf.set(CheckpointingOptions.STATE_BACKEND, "rocksdb");
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, interval);
        conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, scratchDir.resolve("checkpoints").toUri().toString());
    }

    @Override
    public void define(StreamExecutionEnvironment env, long n) {
        keyedCount.define(env, n);
    }

    @Override
    public void verify(JobExecutionResult res, long n, Map<String, String> out) {
        keyedCount.verify(res, n, out);
        List<CheckpointStats> checkpoints = res.getCheckpointStats().stream().filter(c -> !c.savepoint()).toList();
        List<CheckpointStats> completed = checkpoints.stream().filter(CheckpointStats::completed).toList();
        long durationSum = completed.stream().mapToLong(CheckpointStats::durationMillis).sum();
        long maxDuration = completed.stream().mapToLong(CheckpointStats::durationMillis).max().orElse(0);
        long maxState = completed.stream().mapToLong(CheckpointStats::stateSize).max().orElse(0);
        out.put("ckpt_completed", Integer.toString(completed.size()));
        out.put("ckpt_failed", Integer.toString(checkpoints.size() - completed.size()));
        // truncated like Flink's average of end-to-end durations
        out.put("ckpt_avg_ms", Long.toString(completed.isEmpty() ? 0 : durationSum / completed.size()));
        out.put("ckpt_max_ms", Long.toString(maxDuration));
        out.put("ckpt_max_state_mb", String.format(Locale.ROOT, "%.3f", maxState / 1048576.0));
        // with checkpointing on, a bounded job ends with a final checkpoint: none completed is a failure
        boolean ok = Boolean.parseBoolean(out.get("ok")) && !completed.isEmpty();
        out.remove("ok"); // keep "ok" last on the line, as the other jobs have it
        out.put("ok", Boolean.toString(ok));
    }
}
