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
 * failures, on both state backends, checkpoints on the local disk. The committed output is compared
 * line by line with the reference (every key's counts 1..n once), counting losses and duplicates.
 */
class ExactlyOnceCounterTest {

    static final long EVENTS = 200_000;
    static final int KEYS = 1_000;
    static final int FAILURES = 3;

    @ParameterizedTest(name = "state backend {0}")
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void committedOutputIsExactlyOnceThroughThreeInjectedFailures(String backend, @TempDir java.nio.file.Path dir) throws Exception {
        Configuration config = new Configuration();
        config.setString("state.backend.type", backend);
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.resolve("checkpoints").toUri().toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, config);
        String output = dir.resolve("out").toUri().toString();
        ExactlyOnceCounter.build(env, EVENTS, KEYS, output, FAILURES, 50, 7);

        JobExecutionResult result = env.execute("ExactlyOnceCounter");

        assertThat((Long) result.getAccumulatorResult(ExactlyOnceCounter.ATTEMPT_ACCUMULATOR))
                .as("attempt number of the run that finished = failures injected and recovered")
                .isEqualTo(FAILURES);
        Verdict verdict = verify(FileSink.listCommittedFiles(new Path(output)));
        assertThat(verdict.lost()).as("lost records").isZero();
        assertThat(verdict.duplicated()).as("duplicated records").isZero();
        assertThat(verdict.lines()).isEqualTo(EVENTS);
    }

    /** Losses and duplicates of the committed lines against the reference computed with a plain loop. */
    static Verdict verify(List<Path> committedFiles) throws IOException {
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
        for (long i = 0; i < EVENTS; i++) {
            eventsPerKey.merge(i % KEYS, 1L, Long::sum);
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
