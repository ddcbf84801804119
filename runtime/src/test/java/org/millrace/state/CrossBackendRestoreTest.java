package org.millrace.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.typeinfo.Types;
import org.millrace.configuration.CheckpointingOptions;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.configuration.MemorySize;
import org.millrace.graph.partitioner.KeyGroupRangeAssignment;
import org.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;

/**
 * Verifying that both backends write the same snapshot format: a heap snapshot restores into
 * RocksDB and the other way round, also into split key-group ranges; and that
 * {@code state.backend.type} picks the backend.
 */
class CrossBackendRestoreTest {

    @TempDir
    Path tempDir;

    private final java.util.List<KeyedStateBackend<?>> opened = new java.util.ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(KeyedStateBackend::close);
    }

    private KeyedStateBackend<String> create(StateBackend type, KeyGroupRange range) throws Exception {
        KeyedStateBackend<String> backend = type.createKeyedStateBackend(new KeyedStateBackendParameters<>(
                "cross", Types.STRING.createSerializer(), KeyedStateBackendTestBase.MAX_PARALLELISM, range));
        opened.add(backend);
        return backend;
    }

    private final StateBackend heap = new HashMapStateBackend();

    private StateBackend rocks() {
        return new EmbeddedRocksDBStateBackend(tempDir, MemorySize.ofMebiBytes(8), 0.5);
    }

    @Test
    void a_heap_snapshot_restores_into_rocksdb() throws Exception {
        roundTrip(heap, rocks());
    }

    @Test
    void a_rocksdb_snapshot_restores_into_the_heap() throws Exception {
        roundTrip(rocks(), heap);
    }

    private void roundTrip(StateBackend from, StateBackend to) throws Exception {
        KeyedStateBackend<String> source = create(from, KeyGroupRange.of(0, 127));
        Map<String, KeyedStateBackendTestBase.Expected> expected = KeyedStateBackendTestBase.fill(source, 800, "x-");
        KeyedStateHandle handle = KeyedStateBackendTestBase.runSnapshot(source);

        KeyedStateBackend<String> whole = create(to, KeyGroupRange.of(0, 127));
        whole.restore(List.of(handle));
        KeyedStateBackend<String> upper = create(to, KeyGroupRange.of(100, 127));
        upper.restore(List.of(handle));
        for (Map.Entry<String, KeyedStateBackendTestBase.Expected> e : expected.entrySet()) {
            assertThat(KeyedStateBackendTestBase.read(whole, e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
            if (KeyGroupRangeAssignment.assignToKeyGroup(e.getKey(), KeyedStateBackendTestBase.MAX_PARALLELISM) >= 100) {
                assertThat(KeyedStateBackendTestBase.read(upper, e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
        // and back again: the converted state snapshots to the same contents
        KeyedStateBackend<String> back = create(from, KeyGroupRange.of(0, 127));
        back.restore(List.of(KeyedStateBackendTestBase.runSnapshot(whole)));
        for (Map.Entry<String, KeyedStateBackendTestBase.Expected> e : expected.entrySet()) {
            assertThat(KeyedStateBackendTestBase.read(back, e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void a_snapshot_with_another_max_parallelism_is_refused() throws Exception {
        KeyedStateBackend<String> source = create(heap, KeyGroupRange.of(0, 127));
        KeyedStateBackendTestBase.fill(source, 10, "m-");
        KeyedStateHandle handle = KeyedStateBackendTestBase.runSnapshot(source);
        KeyedStateBackend<String> other = heap.createKeyedStateBackend(
                new KeyedStateBackendParameters<>("other", Types.STRING.createSerializer(), 256, KeyGroupRange.of(0, 255)));
        opened.add(other);
        assertThatThrownBy(() -> other.restore(List.of(handle))).hasMessageContaining("max parallelism");
    }

    @Test
    void state_backend_type_selects_the_backend_and_its_rocksdb_settings() {
        assertThat(StateBackendLoader.fromConfiguration(new Configuration())).isInstanceOf(HashMapStateBackend.class);
        Configuration rocksConfig = new Configuration()
                .set(CheckpointingOptions.STATE_BACKEND, "rocksdb")
                .set(CheckpointingOptions.ROCKSDB_LOCAL_DIRECTORY, tempDir.toString())
                .set(CheckpointingOptions.ROCKSDB_MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(32));
        StateBackend rocks = StateBackendLoader.fromConfiguration(rocksConfig);
        assertThat(rocks).isInstanceOf(EmbeddedRocksDBStateBackend.class);
        assertThat(((EmbeddedRocksDBStateBackend) rocks).getLocalDirectory()).isEqualTo(tempDir);
        assertThat(((EmbeddedRocksDBStateBackend) rocks).getManagedMemorySize()).isEqualTo(MemorySize.ofMebiBytes(32));
        assertThatThrownBy(() -> StateBackendLoader.fromConfiguration(
                new Configuration().set(CheckpointingOptions.STATE_BACKEND, "memory")))
                .isInstanceOf(IllegalConfigurationException.class).hasMessageContaining("memory");
    }
}
