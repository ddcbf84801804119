package org.millrace.state.rocksdb;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import org.millrace.configuration.CheckpointingOptions;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.MemorySize;
import org.millrace.state.KeyedStateBackend;
import org.millrace.state.KeyedStateBackendParameters;
import org.millrace.state.StateBackend;
import org.rocksdb.RocksDB;

/**
 * {@code state.backend.type: rocksdb}: keyed state in an embedded RocksDB per keyed operator
 * subtask ({@link RocksDBKeyedStateBackend}), under {@code state.backend.rocksdb.localdir}, with
 * {@code state.backend.rocksdb.memory.managed-size} of native memory each; incremental checkpoints
 * with {@code state.backend.incremental: true}. Immutable; any thread.
 */
public final class EmbeddedRocksDBStateBackend implements StateBackend {

    public static final String NAME = "rocksdb";

    private final Path localDirectory;
    private final MemorySize managedMemorySize;
    private final double writeBufferRatio;
    private final boolean incremental;
    private final MemorySize valueCacheSize;

    public EmbeddedRocksDBStateBackend(Path localDirectory, MemorySize managedMemorySize, double writeBufferRatio) {
        this(localDirectory, managedMemorySize, writeBufferRatio, false);
    }

    /** @param incremental whether checkpoints (not savepoints) upload only SST files new since the last one */
    public EmbeddedRocksDBStateBackend(Path localDirectory, MemorySize managedMemorySize, double writeBufferRatio,
            boolean incremental) {
        this(localDirectory, managedMemorySize, writeBufferRatio, incremental,
                CheckpointingOptions.ROCKSDB_VALUE_CACHE_SIZE.defaultValue());
    }

    /** @param valueCacheSize heap for the write-back cache of value states per backend; 0 for none */
    public EmbeddedRocksDBStateBackend(Path localDirectory, MemorySize managedMemorySize, double writeBufferRatio,
            boolean incremental, MemorySize valueCacheSize) {
        this.valueCacheSize = valueCacheSize;
        this.incremental = incremental;
        this.localDirectory = localDirectory;
        this.managedMemorySize = managedMemorySize;
        this.writeBufferRatio = writeBufferRatio;
    }

    public static EmbeddedRocksDBStateBackend fromConfiguration(Configuration configuration) {
        String dir = configuration.get(CheckpointingOptions.ROCKSDB_LOCAL_DIRECTORY);
        return new EmbeddedRocksDBStateBackend(
                Path.of(dir != null ? dir : System.getProperty("java.io.tmpdir")),
                configuration.get(CheckpointingOptions.ROCKSDB_MANAGED_MEMORY_SIZE),
                configuration.get(CheckpointingOptions.ROCKSDB_WRITE_BUFFER_RATIO),
                configuration.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS),
                configuration.get(CheckpointingOptions.ROCKSDB_VALUE_CACHE_SIZE));
    }

    @Override
    public String getName() {
        return NAME;
    }

    public Path getLocalDirectory() {
        return localDirectory;
    }

    public boolean isIncremental() {
        return incremental;
    }

    public MemorySize getManagedMemorySize() {
        return managedMemorySize;
    }

    @Override
    public <K> KeyedStateBackend<K> createKeyedStateBackend(KeyedStateBackendParameters<K> parameters) throws IOException {
        RocksDB.loadLibrary(); // idempotent; loads the native library on first use only
        String safeName = parameters.operatorIdentifier().replaceAll("[^A-Za-z0-9._-]", "_");
        Path instanceDirectory = localDirectory.resolve("rocksdb-" + safeName + "-" + UUID.randomUUID());
        return new RocksDBKeyedStateBackend<>(
                parameters, instanceDirectory, new RocksDBResources(managedMemorySize, writeBufferRatio), incremental,
                valueCacheSize.getBytes());
    }
}
