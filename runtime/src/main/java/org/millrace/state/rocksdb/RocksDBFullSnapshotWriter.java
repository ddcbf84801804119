package org.millrace.state.rocksdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.millrace.state.CheckpointOutputStream;
import org.millrace.state.CheckpointStreamFactory;
import org.millrace.state.KeyGroupRange;
import org.millrace.state.KeyGroupsStateHandle;
import org.millrace.state.KeyedSnapshotWriter;
import org.millrace.state.StateMetaInfo;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * The asynchronous part of a full RocksDB snapshot: runs the iterators the backend created at the
 * snapshot call (a consistent point-in-time view; writes after it are not seen) and writes each key group's entries in the {@link org.millrace.state.KeyedSnapshotFormat},
 * which is RocksDB's own entry layout minus the key-group prefix. Runs on a snapshot thread while
 * the task keeps writing; the backend keeps the database open until it ends.
 *
 * <p>Incremental checkpoints ({@link RocksDBIncrementalSnapshotStrategy}) do not use this class;
 * savepoints always do.
 */
final class RocksDBFullSnapshotWriter {

    private RocksDBFullSnapshotWriter() {}

    /**
     * Writes what {@code iterators} (one per column, in order) see, with the entries of
     * {@code overlays} (per column, null for none) in place of theirs; the caller closes the iterators.
     */
    static KeyGroupsStateHandle write(List<RocksDBKeyedStateBackend.Column> columns, List<RocksIterator> iterators,
            List<RocksDBValueCache.DirtyEntries> overlays, CheckpointStreamFactory streamFactory,
            KeyGroupRange keyGroupRange, int numberOfKeyGroups) throws IOException, RocksDBException {
        List<Overlay> byKeyGroup = new ArrayList<>(overlays.size());
        for (RocksDBValueCache.DirtyEntries dirty : overlays) {
            byKeyGroup.add(dirty == null || dirty.keys().length == 0 ? null : new Overlay(dirty, keyGroupRange));
        }
        List<StateMetaInfo> states = new ArrayList<>(columns.size());
        for (RocksDBKeyedStateBackend.Column column : columns) {
            states.add(new StateMetaInfo(column.name(), column.type()));
        }
        try (CheckpointOutputStream stream = streamFactory.createCheckpointOutputStream()) {
            KeyedSnapshotWriter writer = new KeyedSnapshotWriter(stream, keyGroupRange, numberOfKeyGroups, states);
            byte[] prefix = new byte[RocksKeyBuilder.KEY_GROUP_PREFIX_BYTES];
            for (int keyGroup = keyGroupRange.getStartKeyGroup(); keyGroup <= keyGroupRange.getEndKeyGroup(); keyGroup++) {
                writer.startKeyGroup(keyGroup);
                RocksKeyBuilder.writeKeyGroup(prefix, keyGroup);
                for (int s = 0; s < iterators.size(); s++) {
                    RocksIterator it = iterators.get(s);
                    Overlay overlay = byKeyGroup.get(s);
                    for (it.seek(prefix); it.isValid(); it.next()) {
                        byte[] key = it.key();
                        if (key[0] != prefix[0] || key[1] != prefix[1]) {
                            break;
                        }
                        if (overlay != null && overlay.replaces(key)) {
                            continue;
                        }
                        byte[] value = it.value();
                        writer.writeEntry(s, key, prefix.length, key.length - prefix.length, value, 0, value.length);
                    }
                    it.status();
                    if (overlay != null) {
                        for (int i : overlay.entriesOf(keyGroup)) {
                            byte[] key = overlay.dirty.keys()[i];
                            byte[] value = overlay.dirty.values()[i];
                            if (value != null) { // null: cleared, so not in the snapshot
                                writer.writeEntry(s, key, prefix.length, key.length - prefix.length, value, 0, value.length);
                            }
                        }
                    }
                }
            }
            return writer.finish();
        }
    }

    /** One column's cached entries, found by key and listed by key group. Snapshot thread. */
    private static final class Overlay {
        final RocksDBValueCache.DirtyEntries dirty;
        private final Set<ByteBuffer> keys;
        private final List<List<Integer>> byKeyGroup;
        private final int firstKeyGroup;

        Overlay(RocksDBValueCache.DirtyEntries dirty, KeyGroupRange range) {
            this.dirty = dirty;
            this.firstKeyGroup = range.getStartKeyGroup();
            this.keys = new HashSet<>(dirty.keys().length * 2);
            this.byKeyGroup = new ArrayList<>(range.getNumberOfKeyGroups());
            for (int g = 0; g < range.getNumberOfKeyGroups(); g++) {
                byKeyGroup.add(new ArrayList<>());
            }
            for (int i = 0; i < dirty.keys().length; i++) {
                byte[] key = dirty.keys()[i];
                keys.add(ByteBuffer.wrap(key));
                byKeyGroup.get(keyGroupOf(key) - firstKeyGroup).add(i);
            }
        }

        boolean replaces(byte[] key) {
            return keys.contains(ByteBuffer.wrap(key));
        }

        List<Integer> entriesOf(int keyGroup) {
            return byKeyGroup.get(keyGroup - firstKeyGroup);
        }

        private static int keyGroupOf(byte[] key) {
            return ((key[0] & 0xff) << 8) | (key[1] & 0xff);
        }
    }
}
