package org.millrace.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RunnableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.millrace.api.state.ValueState;
import org.millrace.configuration.MemorySize;
import org.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.millrace.state.rocksdb.RocksDBKeyedStateBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole keyed-backend contract of {@link KeyedStateBackendTestBase} with incremental RocksDB
 * checkpoints (every snapshot of the suite is an {@link IncrementalRemoteKeyedStateHandle}, its SST
 * files in a shared directory), plus what is particular to them: only new SST files are uploaded,
 * restores in the same and in other key-group ranges, mixes with full snapshots, and the fall-back
 * to full snapshots for savepoints and storage without shared state. Real RocksDB, real files.
 */
class IncrementalRocksDBKeyedStateBackendTest extends KeyedStateBackendTestBase {

    private static final Logger LOG = LoggerFactory.getLogger(IncrementalRocksDBKeyedStateBackendTest.class);

    @Override
    StateBackend stateBackend(Path localDirectory) {
        return new EmbeddedRocksDBStateBackend(localDirectory, MemorySize.ofMebiBytes(16), 0.5, true);
    }

    /** Exclusive files in {@code exclusive/} (small ones inline), SST files in {@code shared/}. */
    @Override
    CheckpointStreamFactory streamFactory() {
        return new FileCheckpointStreamFactory(new org.millrace.api.fs.Path(tempDir.resolve("exclusive").toUri()), 1024,
                new org.millrace.api.fs.Path(sharedDirectory().toUri()));
    }

    @Override
    CheckpointStreamFactory fileStreamFactory() {
        return streamFactory();
    }

    /** Every snapshot of the inherited suite must be incremental, or it would test the full format again. */
    @Override
    KeyedStateHandle takeSnapshot(KeyedStateBackend<String> backend) throws Exception {
        KeyedStateHandle handle = super.takeSnapshot(backend);
        assertThat(handle).isInstanceOf(IncrementalRemoteKeyedStateHandle.class);
        return handle;
    }

    private Path sharedDirectory() {
        return tempDir.resolve("shared");
    }

    private IncrementalRemoteKeyedStateHandle checkpoint(KeyedStateBackend<String> backend, long id) throws Exception {
        RunnableFuture<KeyedStateHandle> snapshot = backend.snapshot(id, streamFactory(), false);
        snapshot.run();
        return (IncrementalRemoteKeyedStateHandle) snapshot.get();
    }

    /** Sets the count of {@code n} keys from {@code from} to {@code value}, in the backend and in the reference. */
    private static void setCounts(KeyedStateBackend<String> backend, Map<String, Long> reference, int from, int n, long value)
            throws Exception {
        ValueState<Long> count = backend.getPartitionedState(COUNT);
        for (int i = from; i < from + n; i++) {
            backend.setCurrentKey("key-" + i);
            count.update(value + i);
            reference.put("key-" + i, value + i);
        }
    }

    private static void assertCounts(KeyedStateBackend<String> backend, Map<String, Long> reference, int keys) throws Exception {
        ValueState<Long> count = backend.getPartitionedState(COUNT);
        for (int i = 0; i < keys; i++) {
            backend.setCurrentKey("key-" + i);
            assertThat(count.value()).as("key-" + i).isEqualTo(reference.get("key-" + i));
        }
    }

    private static long uploadedSharedBytes(IncrementalRemoteKeyedStateHandle handle, Set<String> newNames) {
        long bytes = 0;
        for (String name : newNames) {
            bytes += handle.getSharedState().get(name).getStateSize();
        }
        return bytes;
    }

    private static long privateBytes(IncrementalRemoteKeyedStateHandle handle) {
        long bytes = handle.getMetaStateHandle().getStateSize();
        for (StreamStateHandle h : handle.getPrivateState().values()) {
            bytes += h.getStateSize();
        }
        return bytes;
    }

    @Test
    void a_second_checkpoint_after_a_small_change_uploads_only_the_new_sst_files() throws Exception {
        KeyedStateBackend<String> backend = backend();
        Map<String, Long> reference = new HashMap<>();
        setCounts(backend, reference, 0, 20_000, 0);
        fill(backend, 2000, "big-"); // the other four states too

        IncrementalRemoteKeyedStateHandle first = checkpoint(backend, 1);
        assertThat(first.getSharedState()).isNotEmpty();
        assertThat(first.getSharedState().keySet()).allMatch(name -> name.endsWith(".sst"));
        assertThat(first.getPrivateState().keySet()).anyMatch(name -> name.startsWith("MANIFEST"));
        assertThat(first.getPrivateState().keySet()).contains("CURRENT");
        assertThat(first.getCheckpointedSize()).isEqualTo(first.getStateSize()); // nothing to share yet

        setCounts(backend, reference, 100, 10, 1_000_000);
        IncrementalRemoteKeyedStateHandle second = checkpoint(backend, 2);

        Set<String> reused = new HashSet<>(second.getSharedState().keySet());
        reused.retainAll(first.getSharedState().keySet());
        Set<String> added = new HashSet<>(second.getSharedState().keySet());
        added.removeAll(first.getSharedState().keySet());
        assertThat(reused).isNotEmpty();
        assertThat(added).isNotEmpty(); // the flushed change
        for (String name : reused) { // the same uploaded file, not a new copy
            assertThat(second.getSharedState().get(name)).isEqualTo(first.getSharedState().get(name));
        }
        assertThat(second.getCheckpointedSize()).isEqualTo(uploadedSharedBytes(second, added) + privateBytes(second));
        assertThat(second.getCheckpointedSize()).isLessThan(second.getStateSize());
        assertThat(uploadedSharedBytes(second, added)).isLessThan(uploadedSharedBytes(second, reused));
        // shared/ holds exactly the SST files uploaded, once each
        Set<String> expectedFiles = new HashSet<>();
        first.getSharedState().values().forEach(h -> expectedFiles.add(fileName(h)));
        second.getSharedState().values().forEach(h -> expectedFiles.add(fileName(h)));
        assertThat(filesIn(sharedDirectory())).isEqualTo(expectedFiles);
        assertThat(((RocksDBKeyedStateBackend<String>) backend).getUploadedSstFileNames())
                .containsAll(second.getSharedState().keySet());
        LOG.info("second checkpoint: {} of {} bytes uploaded ({} of {} SST files new)", second.getCheckpointedSize(),
                second.getStateSize(), added.size(), second.getSharedState().size());

        // and the incremental handle restores exactly the state after the change
        KeyedStateBackend<String> restored = backend();
        restored.restore(List.of(second));
        assertCounts(restored, reference, 20_000);
    }

    @Test
    void a_backend_restored_from_an_incremental_checkpoint_keeps_checkpointing_incrementally() throws Exception {
        KeyedStateBackend<String> original = backend();
        Map<String, Long> reference = new HashMap<>();
        setCounts(original, reference, 0, 3000, 0);
        checkpoint(original, 1);
        setCounts(original, reference, 0, 50, 500);
        IncrementalRemoteKeyedStateHandle second = checkpoint(original, 2);

        KeyedStateBackend<String> restored = backend();
        restored.restore(List.of(second));
        assertCounts(restored, reference, 3000);
        setCounts(restored, reference, 2000, 10, 9000);
        IncrementalRemoteKeyedStateHandle third = checkpoint(restored, 3);
        IncrementalRemoteKeyedStateHandle fourth = checkpoint(restored, 4);
        // a new backend instance uploads its files afresh once, then shares them
        assertThat(third.getBackendIdentifier()).isNotEqualTo(second.getBackendIdentifier());
        assertThat(fourth.getSharedState()).isEqualTo(third.getSharedState());
        assertThat(fourth.getCheckpointedSize()).isEqualTo(privateBytes(fourth));

        KeyedStateBackend<String> again = backend();
        again.restore(List.of(fourth));
        assertCounts(again, reference, 3000);
    }

    @Test
    void two_backends_incremental_handles_restore_into_one_range_and_one_handle_into_two() throws Exception {
        KeyGroupRange left = KeyGroupRange.of(0, 63);
        KeyGroupRange right = KeyGroupRange.of(64, 127);
        KeyedStateBackend<String> whole = backend();
        Map<String, Expected> expected = fill(whole, 1500, "s-");
        IncrementalRemoteKeyedStateHandle wholeHandle = checkpoint(whole, 1);

        KeyedStateBackend<String> leftBackend = backend(left);
        KeyedStateBackend<String> rightBackend = backend(right);
        leftBackend.restore(List.of(wholeHandle));
        rightBackend.restore(List.of(wholeHandle));
        for (Map.Entry<String, Expected> e : expected.entrySet()) {
            boolean inLeft = left.contains(org.millrace.graph.partitioner.KeyGroupRangeAssignment.assignToKeyGroup(
                    e.getKey(), MAX_PARALLELISM));
            assertThat(read(inLeft ? leftBackend : rightBackend, e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(keysIn(checkpoint(leftBackend, 2))).isEqualTo(keysOwnedBy(expected.keySet(), left));
        assertThat(keysIn(checkpoint(rightBackend, 2))).isEqualTo(keysOwnedBy(expected.keySet(), right));

        KeyedStateBackend<String> merged = backend();
        merged.restore(List.of(checkpoint(leftBackend, 3), checkpoint(rightBackend, 3)));
        for (Map.Entry<String, Expected> e : expected.entrySet()) {
            assertThat(read(merged, e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void a_full_savepoint_handle_and_an_incremental_handle_restore_together() throws Exception {
        KeyGroupRange left = KeyGroupRange.of(0, 63);
        KeyGroupRange right = KeyGroupRange.of(64, 127);
        KeyedStateBackend<String> whole = backend();
        Map<String, Expected> expected = fill(whole, 1000, "m-");
        KeyedStateBackend<String> leftBackend = backend(left);
        KeyedStateBackend<String> rightBackend = backend(right);
        leftBackend.restore(List.of(checkpoint(whole, 1)));
        rightBackend.restore(List.of(checkpoint(whole, 1)));

        RunnableFuture<KeyedStateHandle> savepoint = leftBackend.snapshot(2, streamFactory(), true);
        savepoint.run();
        assertThat(savepoint.get()).isInstanceOf(KeyGroupsStateHandle.class);
        KeyedStateHandle incremental = checkpoint(rightBackend, 2);

        for (List<KeyedStateHandle> order : List.of(List.of(savepoint.get(), incremental), List.of(incremental, savepoint.get()))) {
            KeyedStateBackend<String> merged = backend();
            merged.restore(order);
            for (Map.Entry<String, Expected> e : expected.entrySet()) {
                assertThat(read(merged, e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
    }

    @Test
    void storage_without_shared_state_gets_full_snapshots() throws Exception {
        KeyedStateBackend<String> backend = backend();
        Map<String, Expected> expected = fill(backend, 200, "f-");
        RunnableFuture<KeyedStateHandle> snapshot = backend.snapshot(1, new MemoryCheckpointStreamFactory(16 << 20), false);
        snapshot.run();
        assertThat(snapshot.get()).isInstanceOf(KeyGroupsStateHandle.class);
        KeyedStateBackend<String> restored = backend();
        restored.restore(List.of(snapshot.get()));
        assertThat(read(restored, "key-7")).isEqualTo(expected.get("key-7"));
    }

    @Test
    void discarding_an_incremental_handle_deletes_its_private_files_but_never_shared_ones() throws Exception {
        KeyedStateBackend<String> backend = backend();
        fill(backend, 500, "d-");
        IncrementalRemoteKeyedStateHandle handle = checkpoint(backend, 1);
        Set<String> sharedBefore = filesIn(sharedDirectory());
        assertThat(sharedBefore).isNotEmpty();
        handle.discardState();
        assertThat(filesIn(sharedDirectory())).isEqualTo(sharedBefore);
        assertThat(filesIn(tempDir.resolve("exclusive"))).isEmpty();
    }

    @Test
    void the_local_checkpoint_directory_is_gone_after_the_upload() throws Exception {
        KeyedStateBackend<String> backend = backend();
        fill(backend, 100, "l-");
        checkpoint(backend, 1);
        Path instance = ((RocksDBKeyedStateBackend<String>) backend).getInstanceDirectory();
        try (Stream<Path> entries = Files.list(instance)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("db");
        }
    }

    private static String fileName(StreamStateHandle handle) {
        return ((FileStateHandle) handle).getFilePath().getName();
    }

    private static Set<String> filesIn(Path directory) throws Exception {
        Set<String> names = new HashSet<>();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                files.forEach(p -> names.add(p.getFileName().toString()));
            }
        }
        return names;
    }
}
