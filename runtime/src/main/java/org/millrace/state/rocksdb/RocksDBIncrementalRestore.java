package org.millrace.state.rocksdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.millrace.state.IncrementalRemoteKeyedStateHandle;
import org.millrace.state.KeyGroupRange;
import org.millrace.state.StateMetaInfo;
import org.millrace.state.StreamStateHandle;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * Restores from {@link IncrementalRemoteKeyedStateHandle}s: downloads a snapshot's files into a
 * local directory, and, for a restore into another key-group range (rescaling), opens them as a
 * temporary read-only database and copies the key groups wanted into the backend's database: keys
 * start with their key group, so that is one range scan per state. Stateless; the restoring task's
 * thread.
 */
final class RocksDBIncrementalRestore {

    private RocksDBIncrementalRestore() {}

    /** Downloads every file of {@code handle} (shared and private) into {@code directory}, under its own name. */
    static void download(IncrementalRemoteKeyedStateHandle handle, Path directory) throws IOException {
        Files.createDirectories(directory);
        for (Map<String, StreamStateHandle> files : List.of(handle.getSharedState(), handle.getPrivateState())) {
            for (Map.Entry<String, StreamStateHandle> file : files.entrySet()) {
                try (InputStream in = file.getValue().openInputStream()) {
                    Files.copy(in, directory.resolve(file.getKey()));
                }
            }
        }
    }

    /**
     * Copies the entries of key groups {@code range} ∩ the handle's range of every state of the
     * handle into {@code target}, through a temporary database in {@code tempDirectory} (which the
     * caller deletes).
     *
     * @param columnOf the target column of a state (created if new)
     */
    static void copyKeyGroups(IncrementalRemoteKeyedStateHandle handle, List<StateMetaInfo> states, Path tempDirectory,
            RocksDBResources resources, KeyGroupRange range, RocksDB target,
            Function<StateMetaInfo, ColumnFamilyHandle> columnOf, int batchEntries) throws IOException, RocksDBException {
        KeyGroupRange wanted = handle.getKeyGroupRange().getIntersection(range);
        List<ColumnFamilyHandle> targetColumns = new ArrayList<>(states.size());
        for (StateMetaInfo state : states) {
            targetColumns.add(columnOf.apply(state)); // also a state with no entries here survives the restore
        }
        if (wanted.getNumberOfKeyGroups() == 0) {
            return;
        }
        download(handle, tempDirectory);
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>(states.size() + 1);
        descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, resources.columnOptions));
        for (StateMetaInfo state : states) {
            descriptors.add(new ColumnFamilyDescriptor(RocksDBKeyedStateBackend.columnName(state.name()),
                    resources.columnOptions));
        }
        List<ColumnFamilyHandle> sourceColumns = new ArrayList<>(descriptors.size());
        try (RocksDB source = RocksDB.openReadOnly(resources.dbOptions, tempDirectory.toString(), descriptors, sourceColumns);
                WriteBatch batch = new WriteBatch()) {
            byte[] start = new byte[RocksKeyBuilder.KEY_GROUP_PREFIX_BYTES];
            RocksKeyBuilder.writeKeyGroup(start, wanted.getStartKeyGroup());
            for (int s = 0; s < states.size(); s++) {
                try (RocksIterator it = source.newIterator(sourceColumns.get(s + 1), resources.readOptions)) {
                    for (it.seek(start); it.isValid(); it.next()) {
                        byte[] key = it.key();
                        if (keyGroupOf(key) > wanted.getEndKeyGroup()) {
                            break;
                        }
                        batch.put(targetColumns.get(s), key, it.value());
                        if (batch.count() >= batchEntries) {
                            target.write(resources.writeOptions, batch);
                            batch.clear();
                        }
                    }
                    it.status();
                }
            }
            target.write(resources.writeOptions, batch);
        } finally {
            sourceColumns.forEach(ColumnFamilyHandle::close);
        }
    }

    private static int keyGroupOf(byte[] key) {
        return ((key[0] & 0xff) << 8) | (key[1] & 0xff);
    }
}
