package org.millrace.state.rocksdb;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * An on-heap write-back cache in front of the value states of one RocksDB backend: the serialized
 * values of the keys used last (and the keys known to have none), written to RocksDB when evicted
 * and before an incremental snapshot; a full snapshot takes the dirty ones as they are, over what
 * RocksDB holds. A key updated many times between two checkpoints then costs at most one RocksDB
 * write instead of a native read and write per update, the same idea as the record cache in front
 * of Kafka Streams' RocksDB stores. Values are kept serialized, so a reader gets its own copy, as
 * from RocksDB itself.
 *
 * <p>Bounded by {@code state.backend.rocksdb.value-cache.size}: serialized bytes plus a fixed
 * per-entry overhead, summed over all the backend's value states; the least recently used entries
 * of the state being written go first. Task thread only.
 */
final class RocksDBValueCache<K> {

    /** What an entry costs beyond its value bytes: map node, entry, array header, key object (estimate). */
    static final int ENTRY_OVERHEAD_BYTES = 96;

    /**
     * One key's cached value: {@code value == null} means the key has none. A value array is never
     * changed once cached (an update replaces it), so a snapshot may hold on to it.
     */
    static final class Entry {
        /** The key as RocksDB stores it: key group and serialized key. */
        final byte[] rocksKey;
        byte[] value;
        /** Differs from RocksDB: must be written before eviction (and is part of every snapshot until then). */
        boolean dirty;

        Entry(byte[] rocksKey, byte[] value, boolean dirty) {
            this.rocksKey = rocksKey;
            this.value = value;
            this.dirty = dirty;
        }

        int cost() {
            return ENTRY_OVERHEAD_BYTES + rocksKey.length + (value == null ? 0 : value.length);
        }
    }

    /** The dirty entries of one state at a snapshot call: RocksDB keys and values (null: none), index by index. */
    record DirtyEntries(byte[][] keys, byte[][] values) {}

    /** The entries of one value state, in access order (least recently used first). */
    final class StateEntries {
        private final ColumnFamilyHandle column;
        private final LinkedHashMap<K, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true);

        StateEntries(ColumnFamilyHandle column) {
            this.column = column;
        }

        /** The cached entry of {@code key}, or null if it is not cached. */
        Entry get(K key) {
            return entries.get(key);
        }

        /** Caches {@code value} (null: none) for a key not cached yet; {@code dirty} if RocksDB does not have it. */
        void insert(K key, byte[] rocksKey, byte[] value, boolean dirty) throws IOException {
            Entry entry = new Entry(rocksKey, value, dirty);
            entries.put(key, entry);
            usedBytes += entry.cost();
            if (usedBytes > capacityBytes) {
                evict(key);
            }
        }

        /** Replaces the value of {@code entry}, the cached entry of {@code key}, with one RocksDB does not have. */
        void update(K key, Entry entry, byte[] value) throws IOException {
            usedBytes -= entry.cost();
            entry.value = value;
            entry.dirty = true;
            usedBytes += entry.cost();
            if (usedBytes > capacityBytes) {
                evict(key);
            }
        }

        /** The dirty entries now; they stay dirty (and cached). */
        DirtyEntries dirtyEntries() {
            List<Entry> dirty = new ArrayList<>();
            for (Entry entry : entries.values()) {
                if (entry.dirty) {
                    dirty.add(entry);
                }
            }
            byte[][] keys = new byte[dirty.size()][];
            byte[][] values = new byte[dirty.size()][];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = dirty.get(i).rocksKey;
                values[i] = dirty.get(i).value;
            }
            return new DirtyEntries(keys, values);
        }

        /** Writes and drops least recently used entries until the cache fits, keeping {@code keep}. */
        private void evict(K keep) throws IOException {
            Iterator<Map.Entry<K, Entry>> it = entries.entrySet().iterator();
            while (usedBytes > capacityBytes && it.hasNext()) {
                Map.Entry<K, Entry> eldest = it.next();
                if (eldest.getKey().equals(keep)) {
                    continue;
                }
                if (eldest.getValue().dirty) {
                    write(column, eldest.getValue().rocksKey, eldest.getValue().value);
                }
                usedBytes -= eldest.getValue().cost();
                it.remove();
            }
        }

        private void addDirtyTo(WriteBatch batch) throws IOException, RocksDBException {
            for (Entry entry : entries.values()) {
                if (entry.dirty) {
                    if (entry.value == null) {
                        batch.delete(column, entry.rocksKey);
                    } else {
                        batch.put(column, entry.rocksKey, entry.value);
                    }
                    entry.dirty = false;
                }
            }
        }
    }

    /** The backend's database, looked up on use: a restore may replace it. */
    private final Supplier<RocksDB> db;
    private final WriteOptions writeOptions;
    private final long capacityBytes;
    private final List<StateEntries> states = new ArrayList<>();
    private long usedBytes;

    RocksDBValueCache(Supplier<RocksDB> db, WriteOptions writeOptions, long capacityBytes) {
        this.db = db;
        this.writeOptions = writeOptions;
        this.capacityBytes = capacityBytes;
    }

    StateEntries register(ColumnFamilyHandle column) {
        StateEntries state = new StateEntries(column);
        states.add(state);
        return state;
    }

    /** The dirty entries of each value state now, by column; they stay dirty. For a full snapshot. */
    Map<ColumnFamilyHandle, DirtyEntries> dirtyEntriesByColumn() {
        Map<ColumnFamilyHandle, DirtyEntries> dirty = new HashMap<>();
        for (StateEntries state : states) {
            dirty.put(state.column, state.dirtyEntries());
        }
        return dirty;
    }

    /** Writes every dirty entry to RocksDB in one batch; the entries stay cached. Before a snapshot. */
    void flush() throws IOException {
        try (WriteBatch batch = new WriteBatch()) {
            for (StateEntries state : states) {
                state.addDirtyTo(batch);
            }
            if (batch.count() > 0) {
                db.get().write(writeOptions, batch);
            }
        } catch (RocksDBException e) {
            throw new IOException("Could not write the cached values to RocksDB", e);
        }
    }

    /** Writes every dirty entry, then forgets all (before a restore changes RocksDB underneath). */
    void flushAndClear() throws IOException {
        flush();
        for (StateEntries state : states) {
            state.entries.clear();
        }
        usedBytes = 0;
    }

    private void write(ColumnFamilyHandle column, byte[] rocksKey, byte[] value) throws IOException {
        try {
            if (value == null) {
                db.get().delete(column, writeOptions, rocksKey);
            } else {
                db.get().put(column, writeOptions, rocksKey, value);
            }
        } catch (RocksDBException e) {
            throw new IOException("Could not write an evicted cached value to RocksDB", e);
        }
    }
}
