package org.millrace.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.millrace.api.state.ValueState;
import org.millrace.configuration.MemorySize;
import org.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.millrace.state.rocksdb.RocksDBKeyedStateBackend;

/** {@link KeyedStateBackendTestBase} against the RocksDB backend (real RocksDB), plus its working directory. */
class RocksDBKeyedStateBackendTest extends KeyedStateBackendTestBase {

    @Override
    StateBackend stateBackend(Path localDirectory) {
        return new EmbeddedRocksDBStateBackend(localDirectory, MemorySize.ofMebiBytes(16), 0.5);
    }

    @Test
    void the_working_directory_exists_while_open_and_is_deleted_on_close() throws Exception {
        KeyedStateBackend<String> backend = backend();
        ValueState<Long> count = backend.getPartitionedState(COUNT);
        backend.setCurrentKey("a");
        count.update(1L);
        Path directory = ((RocksDBKeyedStateBackend<String>) backend).getInstanceDirectory();
        assertThat(directory).startsWith(tempDir.resolve("local"));
        assertThat(Files.isDirectory(directory)).isTrue();
        backend.close();
        assertThat(Files.exists(directory)).isFalse();
    }

    @Test
    void close_waits_for_a_running_snapshot_before_releasing_the_database() throws Exception {
        KeyedStateBackend<String> backend = backend();
        java.util.Map<String, Expected> expected = fill(backend, 500, "w-");
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        MemoryCheckpointStreamFactory memory = new MemoryCheckpointStreamFactory(16 << 20);
        CheckpointStreamFactory blocking = () -> {
            writing.countDown();
            try {
                if (!proceed.await(60, TimeUnit.SECONDS)) {
                    throw new IOException("the test never let the snapshot proceed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            return memory.createCheckpointOutputStream();
        };
        RunnableFuture<KeyedStateHandle> snapshot = backend.snapshot(3L, blocking);
        CompletableFuture<Void> running = CompletableFuture.runAsync(snapshot);
        assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(backend::close);
        Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !closing.isDone());
        proceed.countDown();
        running.get(30, TimeUnit.SECONDS);
        closing.get(30, TimeUnit.SECONDS);

        KeyedStateBackend<String> restored = backend();
        restored.restore(List.of(snapshot.get()));
        assertThat(read(restored, "key-42")).isEqualTo(expected.get("key-42"));
    }

    @Test
    void native_memory_stays_within_the_managed_size_while_state_grows_far_beyond_it() throws Exception {
        long budget = MemorySize.ofMebiBytes(8).getBytes();
        KeyedStateBackend<String> backend = new EmbeddedRocksDBStateBackend(tempDir.resolve("small"),
                MemorySize.ofMebiBytes(8), 0.5).createKeyedStateBackend(new KeyedStateBackendParameters<>(
                        "small", org.millrace.api.typeinfo.Types.STRING.createSerializer(), MAX_PARALLELISM,
                        KeyGroupRange.of(0, MAX_PARALLELISM - 1)));
        try {
            RocksDBKeyedStateBackend<String> rocks = (RocksDBKeyedStateBackend<String>) backend;
            ValueState<String> state = backend.getPartitionedState(
                    new org.millrace.api.state.ValueStateDescriptor<>("v", org.millrace.api.typeinfo.Types.STRING));
            String value = "v".repeat(1000);
            long maxUsage = 0;
            long maxMemTables = 0;
            for (int i = 0; i < 40_000; i++) { // about 40 MB of state, five times the budget
                backend.setCurrentKey("key-" + i);
                state.update(value + i);
                if (i % 1000 == 0) {
                    maxUsage = Math.max(maxUsage, rocks.getManagedMemoryUsage());
                    maxMemTables = Math.max(maxMemTables, rocks.getMemTableBytes());
                }
            }
            for (int i = 0; i < 40_000; i += 97) { // reads fill the block cache
                backend.setCurrentKey("key-" + i);
                assertThat(state.value()).isEqualTo(value + i);
                maxUsage = Math.max(maxUsage, rocks.getManagedMemoryUsage());
            }
            // strict_capacity_limit is off, so allow a little slack over the budget
            assertThat(maxUsage).isLessThanOrEqualTo(budget + budget / 4);
            assertThat(maxMemTables).isLessThanOrEqualTo(budget / 2 + budget / 4);
        } finally {
            backend.close();
        }
    }
}
