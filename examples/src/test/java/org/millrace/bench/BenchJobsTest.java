package org.millrace.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.millrace.api.JobExecutionResult;
import org.millrace.api.StreamExecutionEnvironment;
import org.millrace.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark jobs, run small on the embedded cluster at parallelism 2, reproduce their closed-form
 * or brute-force figures (the same checks peer-bench applies to Flink).
 */
class BenchJobsTest {

    @TempDir
    Path dir;

    private Map<String, String> run(BenchJob job, long n) throws Exception {
        Configuration conf = new Configuration();
        job.configure(conf, Files.createDirectories(dir.resolve("scratch")));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        job.define(env, n);
        JobExecutionResult result = env.execute("bench");
        Map<String, String> figures = new LinkedHashMap<>();
        job.verify(result, n, figures);
        return figures;
    }

    @Test
    void statelessMatchesTheClosedForm() throws Exception {
        Map<String, String> f = run(new StatelessJob(), 1_000_001);

        assertThat(f).containsEntry("ok", "true").containsEntry("out_count", "500000");
    }

    @Test
    void keyedCountMatchesTheClosedForm() throws Exception {
        Map<String, String> f = run(new KeyedCountJob(), 250_000);

        // 250,000 records over 100,000 keys: 50,000 keys seen 3 times, 50,000 twice
        assertThat(f).containsEntry("ok", "true").containsEntry("out_count", "250000").containsEntry("out_max", "3")
                .containsEntry("out_sum", Long.toString(50_000L * 6 + 50_000L * 3));
    }

    @Test
    void keyedCountWithRocksDbCheckpointsMatchesTheClosedFormAndCheckpoints() throws Exception {
        Map<String, String> f = run(new KeyedCountRocksDbCheckpointJob(Duration.ofMillis(100)), 250_000);

        assertThat(f).containsEntry("ok", "true").containsEntry("out_count", "250000").containsEntry("out_max", "3")
                .containsEntry("out_sum", Long.toString(50_000L * 6 + 50_000L * 3));
        // a bounded job with checkpointing ends with a final checkpoint after its end of data
        assertThat(Long.parseLong(f.get("ckpt_completed"))).isGreaterThanOrEqualTo(1);
        assertThat(Long.parseLong(f.get("ckpt_max_ms"))).isGreaterThanOrEqualTo(Long.parseLong(f.get("ckpt_avg_ms")));
        // the running sums live in the RocksDB backend, so checkpoints carry them
        assertThat(Double.parseDouble(f.get("ckpt_max_state_mb"))).isPositive();
        assertThat(dir.resolve("scratch").resolve("checkpoints")).isDirectory();
    }

    @Test
    void windowAggMatchesTheBruteForceWindows() throws Exception {
        Map<String, String> f = run(new WindowAggJob(2), 200_003);

        // 20 full windows of 10 s x 1000 auctions, and a last one holding records 200000..200002 (3 auctions)
        assertThat(f).containsEntry("ok", "true").containsEntry("out_windows", "20003").containsEntry("out_sum_count", "200003");
    }

    @Test
    void wordCountFileMatchesTheGeneratedCounts() throws Exception {
        WordsFiles.generate(dir, 20_000, 4);

        Map<String, String> f = run(new WordCountFileJob(dir), WordsFiles.words(dir));

        assertThat(f).containsEntry("ok", "true").containsEntry("total_words", "200000").containsEntry("out_updates", "200000");
    }
}
