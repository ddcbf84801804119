package org.millrace.state.rocksdb;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.millrace.state.CheckpointOutputStream;
import org.millrace.state.CheckpointStreamFactory;
import org.millrace.state.KeyGroupRange;
import org.millrace.state.KeyGroupsStateHandle;
import org.millrace.state.KeyedSnapshotWriter;
import org.millrace.state.StateMetaInfo;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;

/**
 * The asynchronous part of a full RocksDB snapshot: iterates the columns under a RocksDB
 * {@link Snapshot} (a consistent point-in-time view, taken synchronously; writes after it are not
 * seen) and writes each key group's entries in the {@link org.millrace.state.KeyedSnapshotFormat},
 * which is RocksDB's own entry layout minus the key-group prefix. Runs on a snapshot thread while
 * the task keeps writing; the backend keeps the database open until it ends.
 *
 * <p>Incremental checkpoints ({@link RocksDBIncrementalSnapshotStrategy}) do not use this class;
 * savepoints always do.
 */
final class RocksDBFullSnapshotWriter {

    private RocksDBFullSnapshotWriter() {}

    static KeyGroupsStateHandle write(RocksDB db, Snapshot snapshot, List<RocksDBKeyedStateBackend.Column> columns,
            CheckpointStreamFactory streamFactory, KeyGroupRange keyGroupRange, int numberOfKeyGroups)
            throws IOException, RocksDBException {
        List<StateMetaInfo> states = new ArrayList<>(columns.size());
        for (RocksDBKeyedStateBackend.Column column : columns) {
            states.add(new StateMetaInfo(column.name(), column.type()));
        }
        List<RocksIterator> iterators = new ArrayList<>(columns.size());
        try (ReadOptions readOptions = new ReadOptions().setSnapshot(snapshot).setFillCache(false);
                CheckpointOutputStream stream = streamFactory.createCheckpointOutputStream()) {
            for (RocksDBKeyedStateBackend.Column column : columns) {
                iterators.add(db.newIterator(column.handle(), readOptions));
            }
            KeyedSnapshotWriter writer = new KeyedSnapshotWriter(stream, keyGroupRange, numberOfKeyGroups, states);
            byte[] prefix = new byte[RocksKeyBuilder.KEY_GROUP_PREFIX_BYTES];
            for (int keyGroup = keyGroupRange.getStartKeyGroup(); keyGroup <= keyGroupRange.getEndKeyGroup(); keyGroup++) {
                writer.startKeyGroup(keyGroup);
                RocksKeyBuilder.writeKeyGroup(prefix, keyGroup);
                for (int s = 0; s < iterators.size(); s++) {
                    RocksIterator it = iterators.get(s);
                    for (it.seek(prefix); it.isValid(); it.next()) {
                        byte[] key = it.key();
                        if (key[0] != prefix[0] || key[1] != prefix[1]) {
                            break;
                        }
                        byte[] value = it.value();
                        writer.writeEntry(s, key, prefix.length, key.length - prefix.length, value, 0, value.length);
                    }
                    it.status();
                }
            }
            return writer.finish();
        } finally {
            iterators.forEach(RocksIterator::close);
        }
    }
}
