package org.millrace.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.JobExecutionResult;
import org.millrace.api.StreamExecutionEnvironment;
import org.millrace.api.fs.Path;
import org.millrace.api.sink.file.FileSink;
import org.millrace.checkpoint.FileSystemCheckpointStorage;
import org.millrace.configuration.CheckpointingOptions;
import org.millrace.configuration.Configuration;
import org.millrace.fs.FileStatus;
import org.millrace.fs.hdfs.MiniDfs;

/**
 * The exactly-once job with its checkpoints and its committed output on HDFS (a real
 * MiniDFSCluster), RocksDB state and three injected failures: the output must equal the reference
 * exactly, and the checkpoint directory must hold complete checkpoints only.
 */
class ExactlyOnceCounterHdfsTest {

    @TempDir
    static java.nio.file.Path baseDir;
    private static MiniDfs dfs;

    @BeforeAll
    static void startHdfs() throws Exception {
        dfs = MiniDfs.start(baseDir.resolve("dfs"));
    }

    @AfterAll
    static void stopHdfs() {
        if (dfs != null) {
            dfs.close();
        }
    }

    @Test
    void rocksDbStateWithCheckpointsAndOutputOnHdfsIsExactlyOnceThroughThreeFailures() throws Exception {
        String checkpoints = dfs.uri() + "/checkpoints";
        String output = dfs.uri() + "/counts";
        Configuration config = new Configuration();
        config.setString("state.backend.type", "rocksdb");
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, config);
        // each attempt counts 100,000 events of its subtask's 500,000 before it fails: time for checkpoints on
        // HDFS to complete, and room for all three failures whichever checkpoint each restart starts from
        ExactlyOnceCounter.build(env, ExactlyOnceCounterTest.EVENTS, ExactlyOnceCounterTest.KEYS, output,
                new long[] {100_000, 100_000, 100_000}, 10);

        JobExecutionResult result = env.execute("ExactlyOnceCounter on HDFS");

        assertThat((Long) result.getAccumulatorResult(ExactlyOnceCounter.ATTEMPT_ACCUMULATOR)).isEqualTo(ExactlyOnceCounterTest.FAILURES);
        ExactlyOnceCounterTest.Verdict verdict = ExactlyOnceCounterTest.verify(FileSink.listCommittedFiles(new Path(output)));
        assertThat(verdict.lost()).as("lost records").isZero();
        assertThat(verdict.duplicated()).as("duplicated records").isZero();
        assertThat(verdict.lines()).isEqualTo(ExactlyOnceCounterTest.EVENTS);
        assertThat((Long) result.getAccumulatorResult(ExactlyOnceCounter.PROCESSED_ACCUMULATOR))
                .as("the finishing attempt restored keyed state from a checkpoint on HDFS")
                .isLessThan(ExactlyOnceCounterTest.EVENTS);

        // the retained checkpoint (num-retained 1) is on HDFS with its metadata; subsumed ones are deleted
        Path jobDir = new Path(new Path(checkpoints), result.getJobID().toHexString());
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            long complete = 0;
            long all = 0;
            for (FileStatus e : jobDir.getFileSystem().listStatus(jobDir)) {
                if (e.getPath().getName().startsWith("chk-")) {
                    all++;
                    if (jobDir.getFileSystem().exists(new Path(e.getPath(), FileSystemCheckpointStorage.METADATA_FILE))) {
                        complete++;
                    }
                }
            }
            assertThat(all).as("checkpoint directories left").isEqualTo(1);
            assertThat(complete).as("complete checkpoints").isEqualTo(1);
        });
    }
}
