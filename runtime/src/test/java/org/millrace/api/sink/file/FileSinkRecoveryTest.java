package org.millrace.api.sink.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.millrace.api.sink.TestingWriterInitContext.NO_TIMESTAMP;
import static org.millrace.api.sink.file.FileSinkTesting.COMMITTER_CONTEXT;
import static org.millrace.api.sink.file.FileSinkTesting.allFiles;
import static org.millrace.api.sink.file.FileSinkTesting.committedLines;
import static org.millrace.api.sink.file.FileSinkTesting.isHidden;
import static org.millrace.api.sink.file.FileSinkTesting.prepareCheckpoint;
import static org.millrace.api.sink.file.FileSinkTesting.throughCheckpoint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.millrace.api.fs.Path;
import org.millrace.api.sink.Committer;
import org.millrace.api.sink.TestingWriterInitContext;
import org.millrace.api.sink.file.TestingCommitRequest.Outcome;
import org.millrace.configuration.MemorySize;

/**
 * Failures between checkpoints, driven as the runtime recovers: the writer is abandoned without
 * close, a new one is restored from the last complete checkpoint's state, that checkpoint's
 * committables are committed again, and the records after it are replayed. The visible files must
 * then hold every record exactly once.
 */
class FileSinkRecoveryTest {

    @TempDir
    java.nio.file.Path tmp;

    private static List<String> numbers(int from, int to) {
        return IntStream.range(from, to).mapToObj(String::valueOf).collect(Collectors.toList());
    }

    private static void writeAll(FileWriter<String> writer, List<String> records) throws Exception {
        for (String record : records) {
            writer.write(record, NO_TIMESTAMP);
        }
    }

    private static <T> List<Outcome> outcomes(List<TestingCommitRequest<T>> requests) {
        return requests.stream().map(r -> r.outcome).collect(Collectors.toList());
    }

    @ParameterizedTest(name = "checkpoint 1 committed before the failure: {0}")
    @ValueSource(booleans = {true, false})
    void when_failureAfterCheckpoint_then_restoredJobCommitsEveryRecordExactlyOnce(boolean committedBeforeFailure)
            throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(new Path(tmp.toString()), new SimpleStringEncoder<String>())
                .withRollingPolicy(DefaultRollingPolicy.builder().withMaxPartSize(new MemorySize(1000)).build())
                .build();
        TestingWriterInitContext subtask = new TestingWriterInitContext(0, 1);
        FileWriter<String> first = sink.createWriter(subtask, System::currentTimeMillis);

        // checkpoint 1 at record 1000
        writeAll(first, numbers(0, 1000));
        List<FileSinkCommittable> checkpoint1 = throughCheckpoint(sink.getCommittableSerializer(), prepareCheckpoint(first));
        List<FileSinkWriterState> state1 = throughCheckpoint(sink.getWriterStateSerializer(), first.snapshotState(1));
        if (committedBeforeFailure) {
            assertThat(outcomes(TestingCommitRequest.commit(sink.createCommitter(COMMITTER_CONTEXT), checkpoint1)))
                    .containsOnly(Outcome.COMMITTED);
        }
        // checkpoint 2 is prepared but never completes; more records are in progress when the task dies
        writeAll(first, numbers(1000, 2000));
        assertThat(prepareCheckpoint(first)).isNotEmpty();
        first.snapshotState(2);
        writeAll(first, numbers(2000, 2500));
        assertThat(allFiles(tmp)).anySatisfy(name -> assertThat(name).endsWith(".inprogress"));

        // recovery from checkpoint 1: the first writer is abandoned, not closed
        FileWriter<String> second = (FileWriter<String>) sink.restoreWriter(subtask, state1);
        List<TestingCommitRequest<FileSinkCommittable>> recommit =
                TestingCommitRequest.commit(sink.createCommitter(COMMITTER_CONTEXT), checkpoint1);
        assertThat(outcomes(recommit))
                .containsOnly(committedBeforeFailure ? Outcome.ALREADY_COMMITTED : Outcome.COMMITTED)
                .hasSize(checkpoint1.size());
        writeAll(second, numbers(1000, 2500));
        List<FileSinkCommittable> checkpoint3 = prepareCheckpoint(second);
        TestingCommitRequest.commit(sink.createCommitter(COMMITTER_CONTEXT), checkpoint3);

        assertThat(second.getUuid()).isNotEqualTo(first.getUuid());
        assertThat(committedLines(tmp)).containsExactlyInAnyOrderElementsOf(numbers(0, 2500));
        // the failed attempt's work after checkpoint 1 is still there, but hidden
        assertThat(allFiles(tmp)).filteredOn(name -> name.contains(first.getUuid()) && isHidden(name)).isNotEmpty();
        second.close();
    }

    /**
     * A random run of a job with a changing parallelism: writes, checkpoints that complete or not,
     * completion notifications that arrive or are lost, and failures restoring the latest complete
     * checkpoint (with its states spread over the new subtasks). Each seed is one run.
     */
    @Test
    void when_randomFailuresCheckpointsAndRescales_then_committedOutputHoldsEveryRecordExactlyOnce() throws Exception {
        for (int seed = 0; seed < 12; seed++) {
            java.nio.file.Path dir = tmp.resolve("run-" + seed);
            new SimulatedJob(new Random(seed), dir, 4000).run();
            List<Integer> committed = committedLines(dir).stream().map(Integer::valueOf).sorted().collect(Collectors.toList());
            assertThat(committed).as("seed %d", seed)
                    .isEqualTo(IntStream.range(0, 4000).boxed().collect(Collectors.toList()));
        }
    }

    /** The runtime's part of a job with a file sink, reduced to what the sink sees; one thread. */
    private static final class SimulatedJob {

        private final Random random;
        private final int records;
        private final FileSink<String> sink;

        /** Writers of the current attempt, record n goes to writer n % parallelism. */
        private List<FileWriter<String>> writers = new ArrayList<>();

        /** Writers of failed attempts, never closed while the job runs (as after a crash). */
        private final List<FileWriter<String>> abandoned = new ArrayList<>();

        /** Committables handed out by prepareCommit and not known to be committed: carried into each checkpoint. */
        private List<FileSinkCommittable> uncommitted = new ArrayList<>();

        private int position;
        private long nextCheckpointId = 1;
        private int latestPosition;
        private List<FileSinkCommittable> latestCommittables = List.of();
        private List<FileSinkWriterState> latestStates = List.of();

        SimulatedJob(Random random, java.nio.file.Path dir, int records) {
            this.random = random;
            this.records = records;
            this.sink = FileSink.forRowFormat(new Path(dir.toString()), new SimpleStringEncoder<String>())
                    .withBucketAssigner((s, context) -> "bucket-" + (Integer.parseInt(s) / 10 % 3))
                    .withRollingPolicy(DefaultRollingPolicy.builder().withMaxPartSize(new MemorySize(300)).build())
                    .build();
        }

        void run() throws Exception {
            start(1 + random.nextInt(3), List.of());
            int failures = 0;
            while (position < records) {
                int action = random.nextInt(10);
                if (action < 6) {
                    write(Math.min(records, position + random.nextInt(300)));
                } else if (action < 9 || failures == 5) {
                    checkpoint(random.nextInt(10) < 7, random.nextInt(10) < 7);
                } else {
                    failures++;
                    restore(1 + random.nextInt(3));
                }
            }
            for (FileWriter<String> writer : writers) {
                writer.flush(true);
            }
            checkpoint(true, true);
            for (FileWriter<String> writer : writers) {
                writer.close();
            }
            // a zombie writer of a failed attempt closing late must not change the committed output
            for (FileWriter<String> writer : abandoned) {
                writer.close();
            }
        }

        private void start(int parallelism, List<FileSinkWriterState> states) throws Exception {
            writers = new ArrayList<>();
            for (int i = 0; i < parallelism; i++) {
                int index = i;
                List<FileSinkWriterState> mine = IntStream.range(0, states.size()).filter(j -> j % parallelism == index)
                        .mapToObj(states::get).collect(Collectors.toList());
                writers.add((FileWriter<String>) sink.restoreWriter(new TestingWriterInitContext(i, parallelism), mine));
            }
        }

        private void write(int until) throws Exception {
            for (; position < until; position++) {
                writers.get(position % writers.size()).write(String.valueOf(position), NO_TIMESTAMP);
            }
        }

        private void checkpoint(boolean completes, boolean notified) throws Exception {
            long id = nextCheckpointId++;
            List<FileSinkWriterState> states = new ArrayList<>();
            for (FileWriter<String> writer : writers) {
                uncommitted.addAll(prepareCheckpoint(writer));
                states.addAll(writer.snapshotState(id));
            }
            if (!completes) {
                return; // declined: its committables ride along into the next checkpoint
            }
            latestPosition = position;
            latestCommittables = throughCheckpoint(sink.getCommittableSerializer(), uncommitted);
            latestStates = throughCheckpoint(sink.getWriterStateSerializer(), states);
            if (notified) {
                commit(uncommitted);
                uncommitted = new ArrayList<>();
            }
        }

        private void restore(int parallelism) throws Exception {
            abandoned.addAll(writers);
            start(parallelism, latestStates);
            commit(latestCommittables);
            uncommitted = new ArrayList<>();
            position = latestPosition;
        }

        private void commit(Collection<FileSinkCommittable> committables) throws Exception {
            Committer<FileSinkCommittable> committer = sink.createCommitter(COMMITTER_CONTEXT);
            assertThat(outcomes(TestingCommitRequest.commit(committer, committables)))
                    .allSatisfy(o -> assertThat(o).isIn(Outcome.COMMITTED, Outcome.ALREADY_COMMITTED));
        }
    }
}
