package org.millrace.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
