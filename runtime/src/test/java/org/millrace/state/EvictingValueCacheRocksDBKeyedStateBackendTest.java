package org.millrace.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.RunnableFuture;
import org.junit.jupiter.api.Test;
import org.millrace.api.state.ValueState;
import org.millrace.configuration.MemorySize;
import org.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;

/**
 * The keyed state contract on RocksDB with a value cache of a few entries, so nearly every access
 * evicts: cached, evicted and RocksDB-only values must read, snapshot and restore alike.
 */
class EvictingValueCacheRocksDBKeyedStateBackendTest extends KeyedStateBackendTestBase {

    @Override
    StateBackend stateBackend(Path localDirectory) {
        return new EmbeddedRocksDBStateBackend(localDirectory, MemorySize.ofMebiBytes(16), 0.5, false, MemorySize.ofKibiBytes(2));
    }

    @Test
    void values_evicted_before_and_after_the_snapshot_call_are_read_back_and_snapshotted_as_of_the_call() throws Exception {
        KeyedStateBackend<String> backend = backend();
        ValueState<Long> count = backend.getPartitionedState(COUNT);
        long[] reference = new long[500];
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < reference.length; i++) {
                backend.setCurrentKey("key-" + i);
                Long current = count.value();
                assertThat(current).as("key-" + i).isEqualTo(round == 0 ? null : reference[i]);
                reference[i] += i + 1;
                count.update(reference[i]);
            }
        }
        RunnableFuture<KeyedStateHandle> snapshot = backend.snapshot(1L, streamFactory());
        for (int i = 0; i < reference.length; i++) {
            backend.setCurrentKey("key-" + i);
            if (i % 2 == 0) {
                count.clear();
            } else {
                count.update(-1L);
            }
        }
        snapshot.run();

        KeyedStateBackend<String> restored = backend();
        restored.restore(List.of(snapshot.get()));
        ValueState<Long> restoredCount = restored.getPartitionedState(COUNT);
        for (int i = 0; i < reference.length; i++) {
            restored.setCurrentKey("key-" + i);
            assertThat(restoredCount.value()).as("key-" + i).isEqualTo(reference[i]);
            backend.setCurrentKey("key-" + i);
            assertThat(count.value()).as("live key-" + i).isEqualTo(i % 2 == 0 ? null : -1L);
        }
    }
}
