package org.millrace.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.millrace.api.JobExecutionResult;
import org.millrace.api.StreamExecutionEnvironment;
import org.millrace.api.fs.Path;
import org.millrace.api.sink.file.FileSink;
import org.millrace.configuration.CheckpointingOptions;
import org.millrace.configuration.Configuration;

/**
 * Issue 5's exactly-once test on the embedded cluster: ExactlyOnceCounter with three injected
 * failures, on both state backends (rocksdb also with incremental checkpoints), checkpoints on the
 * local disk. The committed output is compared
 * line by line with the reference (every key's counts 1..n once), counting losses and duplicates.
 */
class ExactlyOnceCounterTest {

    static final long EVENTS = 1_000_000;
    static final int KEYS = 10_000;
    static final int FAILURES = 3;

    @ParameterizedTest(name = "state backend {0}")
    @ValueSource(strings = {"hashmap", "rocksdb", "rocksdb-incremental"})
    void committedOutputIsExactlyOnceThroughThreeInjectedFailures(String backend, @TempDir java.nio.file.Path dir) throws Exception {
        boolean incremental = backend.endsWith("-incremental");
        Configuration config = new Configuration();
        config.setString("state.backend.type", backend.replace("-incremental", ""));
        config.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, incremental);
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.resolve("checkpoints").toUri().toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, config);
        String output = dir.resolve("out").toUri().toString();
        // the 1,000,000 events over 10,000 keys, checkpoints every 10 ms: the attempts run long
        // enough to restore from checkpoints, not only from the start (checked below)
        long events = EVENTS;
        int keys = KEYS;
        ExactlyOnceCounter.build(env, events, keys, output, FAILURES, 10, 7);

        JobExecutionResult result = env.execute("ExactlyOnceCounter");

        assertThat((Long) result.getAccumulatorResult(ExactlyOnceCounter.ATTEMPT_ACCUMULATOR))
                .as("attempt number of the run that finished = failures injected and recovered")
                .isEqualTo(FAILURES);
        Verdict verdict = verify(FileSink.listCommittedFiles(new Path(output)), events, keys);
        assertThat(verdict.lost()).as("lost records").isZero();
        assertThat(verdict.duplicated()).as("duplicated records").isZero();
        assertThat(verdict.lines()).isEqualTo(events);
        assertThat((Long) result.getAccumulatorResult(ExactlyOnceCounter.PROCESSED_ACCUMULATOR))
                .as("events the finishing attempt counted: fewer than all, so it restored keyed state from a checkpoint")
                .isLessThan(events);
        if (incremental) { // the retained checkpoint's SST files live in the job's shared directory
            assertThat(sharedStateFiles(dir.resolve("checkpoints"))).isPositive();
            // and checkpoints after the first of an attempt upload less than their state
            List<org.millrace.checkpoint.CheckpointStats> shared = result.getCheckpointStats().stream()
                    .filter(s -> s.completed() && s.bytesWritten() < s.stateSize()).toList();
            assertThat(shared).isNotEmpty();
            org.millrace.checkpoint.CheckpointStats last = shared.get(shared.size() - 1);
            System.out.printf("incremental checkpoint %d: %d of %d bytes uploaded%n", last.checkpointId(),
                    last.bytesWritten(), last.stateSize());
        }
    }

    /** The number of files in the {@code shared/} directories of all jobs under {@code checkpoints}. */
    private static long sharedStateFiles(java.nio.file.Path checkpoints) throws IOException {
        long files = 0;
        try (java.util.stream.Stream<java.nio.file.Path> jobs = java.nio.file.Files.list(checkpoints)) {
            for (java.nio.file.Path job : jobs.toList()) {
                java.nio.file.Path shared = job.resolve("shared");
                if (java.nio.file.Files.isDirectory(shared)) {
                    try (java.util.stream.Stream<java.nio.file.Path> list = java.nio.file.Files.list(shared)) {
                        files += list.count();
                    }
                }
            }
        }
        return files;
    }

    /** {@link #verify(List, long, int)} for {@link #EVENTS} events over {@link #KEYS} keys. */
    static Verdict verify(List<Path> committedFiles) throws IOException {
        return verify(committedFiles, EVENTS, KEYS);
    }

    /** Losses and duplicates of the committed lines against the reference computed with a plain loop. */
    static Verdict verify(List<Path> committedFiles, long events, int keys) throws IOException {
        Map<String, Integer> seen = new HashMap<>();
        long lines = 0;
        for (Path file : committedFiles) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                    file.getFileSystem().open(file), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    seen.merge(line, 1, Integer::sum);
                    lines++;
                }
            }
        }
        Map<Long, Long> eventsPerKey = new HashMap<>();
        for (long i = 0; i < events; i++) {
            eventsPerKey.merge(i % keys, 1L, Long::sum);
        }
        long lost = 0;
        long duplicated = 0;
        long expectedLines = 0;
        for (Map.Entry<Long, Long> e : eventsPerKey.entrySet()) {
            for (long c = 1; c <= e.getValue(); c++) {
                expectedLines++;
                Integer n = seen.remove(e.getKey() + "," + c);
                if (n == null) {
                    lost++;
                } else {
                    duplicated += n - 1;
                }
            }
        }
        for (int n : seen.values()) {
            duplicated += n; // lines the reference does not have at all
        }
        System.out.printf("exactly-once check: %d lines committed, %d expected, lost %d, duplicated %d%n",
                lines, expectedLines, lost, duplicated);
        return new Verdict(lines, lost, duplicated);
    }

    record Verdict(long lines, long lost, long duplicated) {}
}
