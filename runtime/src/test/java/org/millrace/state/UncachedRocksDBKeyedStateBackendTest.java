package org.millrace.state;

import java.nio.file.Path;
import org.millrace.configuration.MemorySize;
import org.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;

/** The keyed state contract on RocksDB with the value cache turned off: every read and write goes to RocksDB. */
class UncachedRocksDBKeyedStateBackendTest extends KeyedStateBackendTestBase {

    @Override
    StateBackend stateBackend(Path localDirectory) {
        return new EmbeddedRocksDBStateBackend(localDirectory, MemorySize.ofMebiBytes(16), 0.5, false, MemorySize.parse("0"));
    }
}
