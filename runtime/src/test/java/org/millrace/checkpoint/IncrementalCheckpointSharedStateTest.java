package org.millrace.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.JobID;
import org.millrace.api.state.ValueState;
import org.millrace.api.state.ValueStateDescriptor;
import org.millrace.api.typeinfo.Types;
import org.millrace.configuration.MemorySize;
import org.millrace.graph.ExecutionAttemptID;
import org.millrace.graph.ExecutionVertexID;
import org.millrace.graph.JobVertexID;
import org.millrace.network.api.CheckpointBarrier;
import org.millrace.state.CheckpointOutputStream;
import org.millrace.state.CheckpointStreamFactory;
import org.millrace.state.FileStateHandle;
import org.millrace.state.IncrementalRemoteKeyedStateHandle;
import org.millrace.state.KeyGroupRange;
import org.millrace.state.KeyedStateBackend;
import org.millrace.state.KeyedStateBackendParameters;
import org.millrace.state.KeyedStateHandle;
import org.millrace.state.StreamStateHandle;
import org.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;

/**
 * The checkpoint coordinator's reference counting of shared state (incremental RocksDB SST files
 * in {@code <dir>/<job>/shared/}), with {@code num-retained} 1, on a real directory: a shared file
 * a retained checkpoint refers to is never deleted; one no retained checkpoint refers to is; shared
 * files of an aborted checkpoint stay until a completed checkpoint did not take them over. The
 * coordinator runs on its own single "main thread"; the test plays the tasks.
 */
class IncrementalCheckpointSharedStateTest {

    private static final OperatorID OPERATOR = OperatorID.fromUid("counter");
    private static final ValueStateDescriptor<Long> COUNT = new ValueStateDescriptor<>("count", Long.class);

    @TempDir
    Path tempDir;

    private final ScheduledExecutorService mainThread = Executors.newSingleThreadScheduledExecutor();
    private final BlockingQueue<CheckpointBarrier> barriers = new LinkedBlockingQueue<>();
    private final BlockingQueue<Long> completed = new LinkedBlockingQueue<>();
    private final List<Throwable> jobFailures = new ArrayList<>();
    private final JobID jobId = JobID.generate();
    private FileSystemCheckpointStorage storage;
    private CheckpointCoordinator coordinator;

    @AfterEach
    void stop() throws Exception {
        if (coordinator != null) {
            onMain(() -> {
                coordinator.shutdown();
                return null;
            });
        }
        mainThread.shutdownNow();
    }

    /** A coordinator checkpointing every 20 ms the subtasks {@code participants}, retaining one checkpoint. */
    private void startCoordinator(List<CheckpointCoordinator.Participant> participants) throws Exception {
        storage = new FileSystemCheckpointStorage(tempDir.resolve("checkpoints").toUri().toString(), null, jobId, 1024);
        CheckpointCoordinatorConfiguration config = new CheckpointCoordinatorConfiguration(
                Duration.ofMillis(20), Duration.ofMinutes(10), Duration.ZERO, 100, true, 1);
        CheckpointCoordinator.Participants tasks = new CheckpointCoordinator.Participants() {
            @Override
            public CheckpointCoordinator.CheckpointPlan plan() {
                return new CheckpointCoordinator.CheckpointPlan(participants.subList(0, 1), participants, List.of());
            }

            @Override
            public void trigger(ExecutionAttemptID executionId, CheckpointBarrier barrier) {
                barriers.add(barrier);
            }

            @Override
            public void notifyComplete(ExecutionAttemptID executionId, long checkpointId) {
                if (executionId.equals(participants.get(0).executionId())) {
                    completed.add(checkpointId);
                }
            }

            @Override
            public void failJob(Throwable cause) {
                jobFailures.add(cause);
            }
        };
        // io executor: direct, so deletions are done when the completion is announced
        coordinator = new CheckpointCoordinator(jobId, config, storage, new StandaloneCompletedCheckpointStore(1), tasks,
                (r, d) -> mainThread.schedule(r, d.toMillis(), TimeUnit.MILLISECONDS), mainThread, Runnable::run);
        onMain(() -> {
            coordinator.startCheckpointScheduler();
            return null;
        });
    }

    private static CheckpointCoordinator.Participant participant(int subtask, int parallelism) {
        return new CheckpointCoordinator.Participant(
                new ExecutionAttemptID(new ExecutionVertexID(new JobVertexID(new java.util.UUID(7, 7)), subtask), 0),
                List.of(OPERATOR), parallelism, 128);
    }

    private <T> T onMain(Callable<T> call) throws Exception {
        return mainThread.submit(call).get(30, TimeUnit.SECONDS);
    }

    private CheckpointBarrier nextBarrier() throws InterruptedException {
        CheckpointBarrier barrier = barriers.poll(30, TimeUnit.SECONDS);
        assertThat(barrier).as("a checkpoint was triggered").isNotNull();
        return barrier;
    }

    private void acknowledge(CheckpointCoordinator.Participant p, long id, KeyedStateHandle handle) throws Exception {
        TaskStateSnapshot state = new TaskStateSnapshot(Map.of(OPERATOR,
                new OperatorSubtaskState(handle == null ? List.of() : List.of(handle), Map.of())));
        onMain(() -> {
            coordinator.acknowledge(p.executionId(), id,
                    new CheckpointMetrics(0, 0, 0, state.stateSize(), state.checkpointedSize()), state);
            return null;
        });
    }

    private void awaitCompleted(long id) throws InterruptedException {
        assertThat(completed.poll(30, TimeUnit.SECONDS)).isEqualTo(id);
    }

    private Set<String> sharedDirectoryFiles() throws Exception {
        Path shared = Path.of(storage.getSharedStateDirectory().toUri());
        Set<String> names = new HashSet<>();
        if (Files.isDirectory(shared)) {
            try (Stream<Path> files = Files.list(shared)) {
                files.forEach(f -> names.add(f.getFileName().toString()));
            }
        }
        return names;
    }

    private static String fileName(StreamStateHandle handle) {
        return ((FileStateHandle) handle).getFilePath().getName();
    }

    private static Set<String> fileNames(Iterable<StreamStateHandle> handles) {
        Set<String> names = new HashSet<>();
        handles.forEach(h -> names.add(fileName(h)));
        return names;
    }

    // ------------------------------------------------------------------------
    //  Hand-made handles: exact sharing patterns
    // ------------------------------------------------------------------------

    /** Writes {@code text} as a shared file through the checkpoint's shared-state factory. */
    private StreamStateHandle sharedFile(CheckpointBarrier barrier, String text) throws Exception {
        return write(storage.createStreamFactory(barrier.checkpointId(), barrier.targetLocation()).getSharedStateStreamFactory(),
                text);
    }

    private static StreamStateHandle write(CheckpointStreamFactory factory, String text) throws Exception {
        try (CheckpointOutputStream out = factory.createCheckpointOutputStream()) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            return out.closeAndGetHandle();
        }
    }

    private IncrementalRemoteKeyedStateHandle handle(CheckpointBarrier barrier, KeyGroupRange range,
            Map<String, StreamStateHandle> shared) throws Exception {
        CheckpointStreamFactory own = storage.createStreamFactory(barrier.checkpointId(), barrier.targetLocation());
        String manifest = "manifest of " + barrier.checkpointId() + " " + "m".repeat(2000); // a file, above the inline threshold
        return new IncrementalRemoteKeyedStateHandle("backend", barrier.checkpointId(), range, shared,
                Map.of("MANIFEST-1", write(own, manifest)), write(own, "meta"), 0);
    }

    @Test
    void shared_files_are_deleted_exactly_when_no_retained_checkpoint_refers_to_them() throws Exception {
        CheckpointCoordinator.Participant left = participant(0, 2);
        CheckpointCoordinator.Participant right = participant(1, 2);
        startCoordinator(List.of(left, right));
        KeyGroupRange leftRange = KeyGroupRange.of(0, 63);

        // 1: A, B
        CheckpointBarrier b1 = nextBarrier();
        StreamStateHandle a = sharedFile(b1, "A");
        StreamStateHandle b = sharedFile(b1, "B");
        acknowledge(left, 1, handle(b1, leftRange, Map.of("a.sst", a, "b.sst", b)));
        acknowledge(right, 1, null);
        awaitCompleted(1);
        assertThat(sharedDirectoryFiles()).isEqualTo(fileNames(List.of(a, b)));

        // 2: B reused, C new; checkpoint 1 is subsumed: A goes, B stays
        CheckpointBarrier b2 = nextBarrier();
        StreamStateHandle c = sharedFile(b2, "C");
        acknowledge(left, 2, handle(b2, leftRange, Map.of("b.sst", b, "c.sst", c)));
        acknowledge(right, 2, null);
        awaitCompleted(2);
        assertThat(sharedDirectoryFiles()).isEqualTo(fileNames(List.of(b, c)));
        assertThat(Files.exists(tempDir.resolve("checkpoints").resolve(jobId.toHexString()).resolve("chk-1")))
                .isFalse();

        // 3: aborted after the left subtask uploaded D and E; its shared files stay for now
        CheckpointBarrier b3 = nextBarrier();
        StreamStateHandle d = sharedFile(b3, "D");
        StreamStateHandle e = sharedFile(b3, "E");
        IncrementalRemoteKeyedStateHandle aborted = handle(b3, leftRange, Map.of("c.sst", c, "d.sst", d, "e.sst", e));
        acknowledge(left, 3, aborted);
        onMain(() -> {
            coordinator.decline(right.executionId(), 3, "testing an abort", false);
            return null;
        });
        assertThat(sharedDirectoryFiles()).isEqualTo(fileNames(List.of(b, c, d, e)));
        // its own files went with its directory
        assertThat(Files.exists(Path.of(((FileStateHandle) aborted.getPrivateState().get("MANIFEST-1")).getFilePath().toUri())))
                .isFalse();

        // 4: the backend reuses D from the aborted checkpoint; E was compacted away. B (subsumed) and E go
        CheckpointBarrier b4 = nextBarrier();
        acknowledge(left, b4.checkpointId(), handle(b4, leftRange, Map.of("c.sst", c, "d.sst", d)));
        acknowledge(right, b4.checkpointId(), null);
        awaitCompleted(b4.checkpointId());
        assertThat(sharedDirectoryFiles()).isEqualTo(fileNames(List.of(c, d)));
        assertThat(jobFailures).isEmpty();
    }

    @Test
    void files_a_task_writes_into_an_aborted_checkpoint_are_deleted_by_its_late_acknowledgement_or_at_the_job_end()
            throws Exception {
        CheckpointCoordinator.Participant left = participant(0, 2);
        CheckpointCoordinator.Participant right = participant(1, 2);
        startCoordinator(List.of(left, right));
        KeyGroupRange leftRange = KeyGroupRange.of(0, 63);
        Path jobDirectory = tempDir.resolve("checkpoints").resolve(jobId.toHexString());

        // 1 is aborted while the left subtask still writes: its files bring the directory back, its late ack removes it
        CheckpointBarrier b1 = nextBarrier();
        onMain(() -> {
            coordinator.decline(right.executionId(), b1.checkpointId(), "testing an abort", false);
            return null;
        });
        IncrementalRemoteKeyedStateHandle late = handle(b1, leftRange, Map.of());
        Path chk1 = jobDirectory.resolve("chk-" + b1.checkpointId());
        assertThat(chk1).isDirectory();
        acknowledge(left, b1.checkpointId(), late);
        assertThat(chk1).doesNotExist();

        // 2 is aborted and its left subtask's files never acknowledged (the task was cancelled): gone at the job end
        CheckpointBarrier b2 = nextBarrier();
        onMain(() -> {
            coordinator.decline(right.executionId(), b2.checkpointId(), "testing an abort", false);
            return null;
        });
        handle(b2, leftRange, Map.of());
        Path chk2 = jobDirectory.resolve("chk-" + b2.checkpointId());
        assertThat(chk2).isDirectory();
        onMain(() -> {
            coordinator.shutdown();
            return null;
        });
        assertThat(chk2).doesNotExist();
        assertThat(jobFailures).isEmpty();
    }

    // ------------------------------------------------------------------------
    //  A real RocksDB backend with incremental checkpoints
    // ------------------------------------------------------------------------

    @Test
    void with_a_real_rocksdb_backend_shared_holds_exactly_the_files_of_the_retained_checkpoint() throws Exception {
        CheckpointCoordinator.Participant task = participant(0, 1);
        startCoordinator(List.of(task));
        KeyedStateBackend<String> backend = new EmbeddedRocksDBStateBackend(tempDir.resolve("local"),
                MemorySize.ofMebiBytes(16), 0.5, true).createKeyedStateBackend(new KeyedStateBackendParameters<>(
                        "counter", Types.STRING.createSerializer(), 128, KeyGroupRange.of(0, 127)));
        try {
            ValueState<Long> count = backend.getPartitionedState(COUNT);
            Map<String, Long> reference = new HashMap<>();
            Set<String> everReferenced = new HashSet<>();
            Set<String> previous = Set.of();
            boolean sawReuse = false;
            boolean sawDeletion = false;
            long lastStateSize = 0;
            long lastBytesUploaded = 0;
            // until both happened: a subsumed checkpoint's file kept for the latest, and one deleted
            // (after RocksDB compacted the files of several checkpoints into new ones)
            for (int round = 0; round < 60 && !(sawReuse && sawDeletion && round >= 6); round++) {
                for (int i = 0; i < 3000; i++) {
                    String key = "key-" + ((round * 1000 + i) % 10_000);
                    backend.setCurrentKey(key);
                    long value = reference.merge(key, 1L, Long::sum);
                    count.update(value);
                }
                CheckpointBarrier barrier = nextBarrier();
                RunnableFuture<KeyedStateHandle> snapshot = backend.snapshot(barrier.checkpointId(),
                        storage.createStreamFactory(barrier.checkpointId(), barrier.targetLocation()), false);
                snapshot.run();
                acknowledge(task, barrier.checkpointId(), snapshot.get());
                awaitCompleted(barrier.checkpointId());

                CompletedCheckpoint latest = onMain(coordinator::getLatestCompletedCheckpoint);
                Set<String> referenced = fileNames(latest.sharedStateFiles());
                // exactly the latest checkpoint's shared files exist: nothing it uses deleted, nothing else left
                assertThat(sharedDirectoryFiles()).isEqualTo(referenced);
                everReferenced.addAll(referenced);
                sawReuse |= previous.stream().anyMatch(referenced::contains);
                sawDeletion |= previous.stream().anyMatch(f -> !referenced.contains(f));
                previous = referenced;
                CheckpointStats stats = onMain(() -> coordinator.getHistory().get(coordinator.getHistory().size() - 1));
                lastStateSize = stats.stateSize();
                lastBytesUploaded = stats.bytesWritten();
            }
            assertThat(sawReuse).as("a file of a subsumed checkpoint was kept for the latest").isTrue();
            assertThat(sawDeletion).as("a file no retained checkpoint uses was deleted").isTrue();
            assertThat(lastBytesUploaded).isLessThan(lastStateSize);

            // the retained checkpoint, read back from its metadata file, restores exactly the counts
            CompletedCheckpoint latest = onMain(coordinator::getLatestCompletedCheckpoint);
            CheckpointMetadata metadata = CheckpointLoader.load(latest.location().getExternalPointer());
            KeyedStateHandle handle = metadata.operatorStates().get(OPERATOR).subtaskStates().get(0).keyedState().get(0);
            assertThat(handle).isInstanceOf(IncrementalRemoteKeyedStateHandle.class);
            try (KeyedStateBackend<String> restored = new EmbeddedRocksDBStateBackend(tempDir.resolve("local2"),
                    MemorySize.ofMebiBytes(16), 0.5, true).createKeyedStateBackend(new KeyedStateBackendParameters<>(
                            "restored", Types.STRING.createSerializer(), 128, KeyGroupRange.of(0, 127)))) {
                restored.restore(List.of(handle));
                ValueState<Long> restoredCount = restored.getPartitionedState(COUNT);
                for (int i = 0; i < 10_000; i++) {
                    restored.setCurrentKey("key-" + i);
                    assertThat(restoredCount.value()).as("key-" + i).isEqualTo(reference.get("key-" + i));
                }
            }
        } finally {
            backend.close();
        }
    }
}
