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
                        overlay.writeEntries(writer, s, keyGroup);
                    }
                }
            }
            return writer.finish();
        }
    }

    /**
     * One column's cached entries, listed by key group (a counting sort, no boxing) and found by key
     * (a set built only once RocksDB turns out to hold entries of that column). Snapshot thread.
     */
    private static final class Overlay {
        final RocksDBValueCache.DirtyEntries dirty;
        private final int firstKeyGroup;
        /** Entry indices ordered by key group; those of key group g are at [starts[g - first], starts[g - first + 1]). */
        private final int[] order;
        private final int[] starts;
        private Set<ByteBuffer> keys;

        Overlay(RocksDBValueCache.DirtyEntries dirty, KeyGroupRange range) {
            this.dirty = dirty;
            this.firstKeyGroup = range.getStartKeyGroup();
            byte[][] entryKeys = dirty.keys();
            int groups = range.getNumberOfKeyGroups();
            this.starts = new int[groups + 1];
            for (byte[] key : entryKeys) {
                starts[keyGroupOf(key) - firstKeyGroup + 1]++;
            }
            for (int g = 0; g < groups; g++) {
                starts[g + 1] += starts[g];
            }
            this.order = new int[entryKeys.length];
            int[] next = java.util.Arrays.copyOf(starts, groups);
            for (int i = 0; i < entryKeys.length; i++) {
                order[next[keyGroupOf(entryKeys[i]) - firstKeyGroup]++] = i;
            }
        }

        boolean replaces(byte[] key) {
            if (keys == null) {
                keys = new HashSet<>(dirty.keys().length * 2);
                for (byte[] k : dirty.keys()) {
                    keys.add(ByteBuffer.wrap(k));
                }
            }
            return keys.contains(ByteBuffer.wrap(key));
        }

        /** Writes this column's cached entries of {@code keyGroup} that have a value. */
        void writeEntries(KeyedSnapshotWriter writer, int stateIndex, int keyGroup) throws IOException {
            int g = keyGroup - firstKeyGroup;
            for (int p = starts[g]; p < starts[g + 1]; p++) {
                byte[] key = dirty.keys()[order[p]];
                byte[] value = dirty.values()[order[p]];
                if (value != null) { // null: cleared, so not in the snapshot
                    writer.writeEntry(stateIndex, key, RocksKeyBuilder.KEY_GROUP_PREFIX_BYTES,
                            key.length - RocksKeyBuilder.KEY_GROUP_PREFIX_BYTES, value, 0, value.length);
                }
            }
        }

        private static int keyGroupOf(byte[] key) {
            return ((key[0] & 0xff) << 8) | (key[1] & 0xff);
        }
    }
}
