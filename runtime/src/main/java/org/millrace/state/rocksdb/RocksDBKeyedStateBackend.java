package org.millrace.state.rocksdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.RunnableFuture;
import java.util.stream.Stream;
import org.millrace.api.state.AggregatingStateDescriptor;
import org.millrace.api.state.ListStateDescriptor;
import org.millrace.api.state.MapStateDescriptor;
import org.millrace.api.state.ReducingStateDescriptor;
import org.millrace.api.state.State;
import org.millrace.api.state.StateDescriptor;
import org.millrace.api.state.ValueStateDescriptor;
import org.millrace.state.AbstractKeyedStateBackend;
import org.millrace.state.AsyncSnapshotTask;
import org.millrace.state.CheckpointStreamFactory;
import org.millrace.state.IncrementalRemoteKeyedStateHandle;
import org.millrace.state.KeyGroupsStateHandle;
import org.millrace.state.KeyedSnapshotReader;
import org.millrace.state.KeyedStateBackendParameters;
import org.millrace.state.KeyedStateHandle;
import org.millrace.state.ResourceGuard;
import org.millrace.state.StateAccessException;
import org.millrace.state.StateMetaInfo;
import org.millrace.types.DataOutputSerializer;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.FlushOptions;
import org.rocksdb.PerfLevel;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed state in an embedded RocksDB ({@code state.backend.type: rocksdb}): one database per
 * backend in its own local working directory, a column family per state, keys
 * {@code [2-byte key group][key][user key]}, values serialized by the state's serializers, no
 * write-ahead log, native memory bounded by {@link RocksDBResources}, in-place memtable updates;
 * value states go through a write-back {@link RocksDBValueCache} on the heap.
 *
 * <p>Full snapshots switch the memtables out and open iterators synchronously (a point-in-time
 * view), and write what they see, with the cache's dirty values over it, asynchronously
 * ({@link RocksDBFullSnapshotWriter}); restores read only this backend's key groups and write them
 * with batched writes. With {@code state.backend.incremental: true}, checkpoints (not savepoints)
 * whose storage can share state are incremental ({@link RocksDBIncrementalSnapshotStrategy}); a
 * restore from an incremental snapshot of exactly this key-group range opens the database from its
 * files, otherwise it copies the key groups it owns ({@link RocksDBIncrementalRestore}).
 *
 * <p>Thread safety: the task's thread, except the snapshot future; {@link #close()} waits for
 * running snapshots ({@link ResourceGuard}) before releasing native objects.
 */
public final class RocksDBKeyedStateBackend<K> extends AbstractKeyedStateBackend<K> {

    private static final Logger LOG = LoggerFactory.getLogger(RocksDBKeyedStateBackend.class);
    private static final int RESTORE_BATCH_ENTRIES = 1000;
    private static final String COLUMN_PREFIX = "state:";

    /** A state's column family. */
    record Column(String name, StateDescriptor.Type type, ColumnFamilyHandle handle) {}

    private final Path instanceDirectory;
    private final RocksDBResources resources;
    /** Replaced once by a restore that opens the database from an incremental snapshot; task thread. */
    private RocksDB db;
    private ColumnFamilyHandle defaultColumn;
    /** Write-back cache of the value states; null if configured off. */
    private final RocksDBValueCache<K> valueCache;
    /** Null unless incremental checkpoints are configured. */
    private final RocksDBIncrementalSnapshotStrategy incrementalStrategy;
    /** Whether the fallback to full snapshots (no shared state in the storage) was logged; task thread. */
    private boolean loggedFullFallback;
    private final RocksKeyBuilder<K> keyBuilder;
    /** Snapshots hold a lease, so close() cannot release the database under them. */
    private final ResourceGuard dbGuard;
    /** Columns by state name; task thread only (snapshots get a copy). */
    private final LinkedHashMap<String, Column> columns = new LinkedHashMap<>();
    private boolean closed;

    RocksDBKeyedStateBackend(KeyedStateBackendParameters<K> parameters, Path instanceDirectory, RocksDBResources resources,
            boolean incremental, long valueCacheBytes) throws IOException {
        super(parameters);
        this.instanceDirectory = instanceDirectory;
        this.resources = resources;
        this.incrementalStrategy = incremental ? new RocksDBIncrementalSnapshotStrategy(
                UUID.randomUUID().toString(), keyGroupRange, numberOfKeyGroups, instanceDirectory) : null;
        this.keyBuilder = new RocksKeyBuilder<>(keySerializer);
        this.valueCache = valueCacheBytes > 0
                ? new RocksDBValueCache<>(this::db, resources.writeOptions, valueCacheBytes)
                : null;
        this.dbGuard = new ResourceGuard("RocksDB of " + operatorIdentifier);
        List<ColumnFamilyHandle> handles = new ArrayList<>(1);
        try {
            Files.createDirectories(instanceDirectory);
            this.db = RocksDB.open(resources.dbOptions, databaseDirectory().toString(),
                    List.of(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, resources.columnOptions)), handles);
        } catch (RocksDBException | IOException e) {
            resources.close();
            deleteDirectory(instanceDirectory);
            throw new IOException("Could not open RocksDB in " + instanceDirectory, e);
        }
        this.defaultColumn = handles.get(0);
        // per-operation counters in thread-local storage cost a few percent of every get and put; the
        // setting is per thread, and this is the task thread that reads and writes
        db.setPerfLevel(PerfLevel.DISABLE);
        LOG.info("Opened RocksDB for {} in {}", operatorIdentifier, instanceDirectory);
    }

    RocksDB db() {
        return db;
    }

    private Path databaseDirectory() {
        return instanceDirectory.resolve("db");
    }

    WriteOptions writeOptions() {
        return resources.writeOptions;
    }

    /** The current key's RocksDB key; see {@link RocksKeyBuilder}. */
    DataOutputSerializer buildCurrentKey() throws IOException {
        return keyBuilder.buildKey(getCurrentKey(), getCurrentKeyGroupIndex());
    }

    /** The working directory of this instance (for tests). */
    public Path getInstanceDirectory() {
        return instanceDirectory;
    }

    /**
     * Native memory charged to the managed budget now: the block cache's usage, which includes the
     * memtables charged to it by the write buffer manager (for metrics and tests).
     */
    public long getManagedMemoryUsage() {
        return resources.blockCache.getUsage();
    }

    /** Bytes in all memtables of this database (for metrics and tests). */
    public long getMemTableBytes() {
        try {
            return db.getAggregatedLongProperty("rocksdb.cur-size-all-mem-tables");
        } catch (RocksDBException e) {
            throw new StateAccessException("Error while reading a RocksDB property", e);
        }
    }

    @Override
    public void setCurrentKey(K key) {
        super.setCurrentKey(key);
        keyBuilder.keyChanged();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected State createState(StateDescriptor<?, ?> descriptor) throws RocksDBException {
        ColumnFamilyHandle handle = column(descriptor.getName(), descriptor.getType()).handle();
        switch (descriptor.getType()) {
            case VALUE: {
                ValueStateDescriptor<Object> d = (ValueStateDescriptor<Object>) descriptor;
                return new RocksDBValueState<>(this, handle, d.createSerializer(), d.getDefaultValue(),
                        valueCache == null ? null : valueCache.register(handle));
            }
            case LIST:
                return new RocksDBListState<>(this, handle, ((ListStateDescriptor<?>) descriptor).createElementSerializer());
            case REDUCING: {
                ReducingStateDescriptor<Object> d = (ReducingStateDescriptor<Object>) descriptor;
                return new RocksDBReducingState<>(this, handle, d.createSerializer(), d.getReduceFunction());
            }
            case AGGREGATING: {
                AggregatingStateDescriptor<Object, Object, Object> d = (AggregatingStateDescriptor) descriptor;
                return new RocksDBAggregatingState<>(this, handle, d.createAccumulatorSerializer(), d.getAggregateFunction());
            }
            case MAP: {
                MapStateDescriptor<?, ?> d = (MapStateDescriptor<?, ?>) descriptor;
                return new RocksDBMapState<>(this, handle, d.createKeySerializer(), d.createValueSerializer());
            }
            default:
                throw new IllegalArgumentException("unknown state type " + descriptor.getType());
        }
    }

    /** The column of state {@code name}, created if new. */
    private Column column(String name, StateDescriptor.Type type) throws RocksDBException {
        Column column = columns.get(name);
        if (column != null) {
            checkType(name, column.type(), type);
            return column;
        }
        // prefixed so that no state name can clash with RocksDB's own "default" column family
        ColumnFamilyHandle handle = db.createColumnFamily(new ColumnFamilyDescriptor(columnName(name), resources.columnOptions));
        column = new Column(name, type, handle);
        columns.put(name, column);
        return column;
    }

    @Override
    public RunnableFuture<KeyedStateHandle> snapshot(long checkpointId, CheckpointStreamFactory streamFactory)
            throws IOException {
        return snapshot(checkpointId, streamFactory, false);
    }

    @Override
    public RunnableFuture<KeyedStateHandle> snapshot(long checkpointId, CheckpointStreamFactory streamFactory,
            boolean fullSnapshot) throws IOException {
        if (!fullSnapshot && incrementalStrategy != null) {
            if (streamFactory.getSharedStateStreamFactory() != null) {
                if (valueCache != null) {
                    valueCache.flush(); // the native checkpoint is of RocksDB's files: they must hold every cached write
                }
                return incrementalSnapshot(checkpointId, streamFactory);
            }
            if (!loggedFullFallback) {
                loggedFullFallback = true;
                LOG.info("{}: incremental checkpoints need a checkpoint directory (execution.checkpointing.dir)"
                        + " for shared state; taking full snapshots", operatorIdentifier);
            }
        }
        return fullSnapshot(checkpointId, streamFactory);
    }

    /**
     * The point-in-time view now (task thread), written out in the future. In-place memtable updates
     * rule out RocksDB snapshots (the database refuses them), so the view is made of iterators created
     * right after the memtables are switched out: everything they see is then in immutable
     * memtables or files, and every later write has a later sequence number, which they skip.
     * The value cache's dirty entries are taken as they are now (their arrays never change) and
     * written over what RocksDB has, so the call costs no RocksDB writes.
     */
    private RunnableFuture<KeyedStateHandle> fullSnapshot(long checkpointId, CheckpointStreamFactory streamFactory)
            throws IOException {
        List<Column> snapshotColumns = List.copyOf(columns.values());
        Map<ColumnFamilyHandle, RocksDBValueCache.DirtyEntries> cached =
                valueCache == null ? Map.of() : valueCache.dirtyEntriesByColumn();
        List<RocksDBValueCache.DirtyEntries> overlays = new ArrayList<>(snapshotColumns.size());
        for (Column column : snapshotColumns) {
            overlays.add(cached.get(column.handle()));
        }
        dbGuard.acquire();
        ReadOptions readOptions = new ReadOptions().setFillCache(false);
        List<RocksIterator> iterators = new ArrayList<>(snapshotColumns.size());
        Runnable release = () -> {
            iterators.forEach(RocksIterator::close);
            readOptions.close();
            dbGuard.release();
        };
        try {
            switchMemtables(snapshotColumns);
            for (Column column : snapshotColumns) {
                iterators.add(db.newIterator(column.handle(), readOptions));
            }
        } catch (IOException | RuntimeException e) {
            release.run();
            throw e;
        }
        return new AsyncSnapshotTask(
                () -> RocksDBFullSnapshotWriter.write(
                        snapshotColumns, iterators, overlays, streamFactory, keyGroupRange, numberOfKeyGroups),
                release);
    }

    /** Makes the memtables immutable (new writes go to fresh ones); their flush to files goes on in the background. */
    private void switchMemtables(List<Column> snapshotColumns) throws IOException {
        if (snapshotColumns.isEmpty()) {
            return;
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>(snapshotColumns.size());
        for (Column column : snapshotColumns) {
            handles.add(column.handle());
        }
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(false)) {
            db.flush(flush, handles);
        } catch (RocksDBException e) {
            throw new IOException("Could not switch the RocksDB memtables of " + operatorIdentifier + " for a snapshot", e);
        }
    }

    /** The native checkpoint now (task thread); the upload in the future. The lease keeps close() from deleting its files. */
    private RunnableFuture<KeyedStateHandle> incrementalSnapshot(long checkpointId, CheckpointStreamFactory streamFactory)
            throws IOException {
        dbGuard.acquire();
        Path localCheckpoint;
        List<StateMetaInfo> states = new ArrayList<>(columns.size());
        try {
            List<ColumnFamilyHandle> handles = new ArrayList<>(columns.size());
            for (Column column : columns.values()) {
                states.add(new StateMetaInfo(column.name(), column.type()));
                handles.add(column.handle());
            }
            localCheckpoint = incrementalStrategy.takeLocalCheckpoint(db, handles, checkpointId);
        } catch (IOException | RuntimeException e) {
            dbGuard.release();
            throw e;
        }
        return new AsyncSnapshotTask(
                () -> incrementalStrategy.upload(checkpointId, localCheckpoint, states, streamFactory),
                () -> {
                    deleteDirectory(localCheckpoint);
                    dbGuard.release();
                });
    }

    /** The SST file names this backend has uploaded for incremental checkpoints (for tests). */
    public java.util.Set<String> getUploadedSstFileNames() {
        return incrementalStrategy == null ? java.util.Set.of() : incrementalStrategy.uploadedSstFileNames();
    }

    /**
     * Restores full and incremental snapshots, in any mix. One incremental snapshot of exactly this
     * key-group range, restored before any state exists, becomes the database itself (its files
     * are downloaded and opened); every other handle is copied in, only this backend's key groups.
     */
    @Override
    public void restore(Collection<KeyedStateHandle> handles) throws Exception {
        if (valueCache != null) {
            valueCache.flushAndClear(); // what the restore writes must not hide behind stale entries
        }
        List<KeyedStateHandle> rest = new ArrayList<>(handles);
        if (columns.isEmpty()) {
            for (KeyedStateHandle handle : handles) {
                if (handle instanceof IncrementalRemoteKeyedStateHandle incremental
                        && incremental.getKeyGroupRange().equals(keyGroupRange)) {
                    openFrom(incremental);
                    rest.remove(handle);
                    break;
                }
            }
        }
        for (KeyedStateHandle handle : rest) {
            if (handle instanceof KeyGroupsStateHandle keyGroupsHandle) {
                restoreFull(keyGroupsHandle);
            } else if (handle instanceof IncrementalRemoteKeyedStateHandle incremental) {
                List<StateMetaInfo> states = RocksDBSnapshotMetaData.read(incremental.getMetaStateHandle(), numberOfKeyGroups);
                Path temp = instanceDirectory.resolve("restore-" + UUID.randomUUID());
                try {
                    RocksDBIncrementalRestore.copyKeyGroups(incremental, states, temp, resources, keyGroupRange, db,
                            this::restoredColumnHandle, RESTORE_BATCH_ENTRIES);
                } finally {
                    deleteDirectory(temp);
                }
            } else {
                throw new IllegalArgumentException("cannot restore keyed state from " + handle);
            }
        }
    }

    private void restoreFull(KeyGroupsStateHandle handle) throws Exception {
        byte[] prefix = new byte[RocksKeyBuilder.KEY_GROUP_PREFIX_BYTES];
        try (WriteBatch batch = new WriteBatch()) {
            KeyedSnapshotReader.read(handle, keyGroupRange, numberOfKeyGroups, this::restoredColumn,
                    (state, keyGroup, key, value) -> {
                        byte[] rocksKey = new byte[prefix.length + key.length];
                        RocksKeyBuilder.writeKeyGroup(rocksKey, keyGroup);
                        System.arraycopy(key, 0, rocksKey, prefix.length, key.length);
                        batch.put(columns.get(state.name()).handle(), rocksKey, value);
                        if (batch.count() >= RESTORE_BATCH_ENTRIES) {
                            db.write(resources.writeOptions, batch);
                            batch.clear();
                        }
                    });
            db.write(resources.writeOptions, batch);
        }
    }

    /**
     * Replaces the (empty) database by the one of {@code handle}: closes it, downloads the
     * snapshot's files into its directory and opens them with all their column families.
     */
    private void openFrom(IncrementalRemoteKeyedStateHandle handle) throws IOException {
        List<StateMetaInfo> states = RocksDBSnapshotMetaData.read(handle.getMetaStateHandle(), numberOfKeyGroups);
        defaultColumn.close();
        db.close();
        db = null; // close() must not touch it if what follows fails
        Path directory = databaseDirectory();
        deleteDirectory(directory);
        RocksDBIncrementalRestore.download(handle, directory);
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>(states.size() + 1);
        descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, resources.columnOptions));
        for (StateMetaInfo state : states) {
            descriptors.add(new ColumnFamilyDescriptor(columnName(state.name()), resources.columnOptions));
        }
        List<ColumnFamilyHandle> opened = new ArrayList<>(descriptors.size());
        try {
            db = RocksDB.open(resources.dbOptions, directory.toString(), descriptors, opened);
        } catch (RocksDBException e) {
            throw new IOException("Could not open the RocksDB of " + handle + " in " + directory, e);
        }
        defaultColumn = opened.get(0);
        for (int i = 0; i < states.size(); i++) {
            StateMetaInfo state = states.get(i);
            columns.put(state.name(), new Column(state.name(), state.type(), opened.get(i + 1)));
        }
        LOG.info("Opened RocksDB for {} from {}", operatorIdentifier, handle);
    }

    static byte[] columnName(String stateName) {
        return (COLUMN_PREFIX + stateName).getBytes(StandardCharsets.UTF_8);
    }

    private ColumnFamilyHandle restoredColumnHandle(StateMetaInfo state) {
        restoredColumn(state);
        return columns.get(state.name()).handle();
    }

    private void restoredColumn(StateMetaInfo state) {
        try {
            column(state.name(), state.type());
        } catch (RocksDBException e) {
            throw new IllegalStateException("Could not create the column of restored state " + state.name(), e);
        }
    }

    /**
     * Waits for running snapshots, then releases native objects in dependency order (column
     * handles, database, options and cache) and deletes the working directory.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        dbGuard.closeAndWait();
        for (Column column : columns.values()) {
            column.handle().close();
        }
        columns.clear();
        if (db != null) { // null if a restore failed while replacing it
            defaultColumn.close();
            db.close();
        }
        resources.close();
        deleteDirectory(instanceDirectory);
    }

    static void deleteDirectory(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete the RocksDB working directory {}", directory, e);
        }
    }
}
