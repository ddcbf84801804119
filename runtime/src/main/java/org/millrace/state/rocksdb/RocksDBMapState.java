package org.millrace.state.rocksdb;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.millrace.api.state.MapState;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.state.KeyedSnapshotFormat;
import org.millrace.state.MapStateIterators;
import org.millrace.state.StateAccessException;
import org.millrace.types.DataOutputSerializer;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * {@link MapState} in RocksDB: one RocksDB entry per mapping, keyed
 * {@code [key group][key][user key]}, so a lookup touches one entry and iteration is a prefix
 * scan. Iterators load {@value #ITERATOR_BATCH} entries at a time with a short-lived RocksDB
 * iterator, so an abandoned iterator holds no native resource. Used only from the task's thread.
 */
final class RocksDBMapState<K, UK, UV> extends AbstractRocksDBState<K> implements MapState<UK, UV> {

    private static final int ITERATOR_BATCH = 128;

    private final TypeSerializer<UK> userKeySerializer;
    private final TypeSerializer<UV> userValueSerializer;

    RocksDBMapState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle column, TypeSerializer<UK> userKeySerializer,
            TypeSerializer<UV> userValueSerializer) {
        super(backend, column);
        this.userKeySerializer = userKeySerializer;
        this.userValueSerializer = userValueSerializer;
    }

    private DataOutputSerializer userKey(UK userKey) throws IOException {
        if (userKey == null) {
            throw new NullPointerException("a MapState key must not be null");
        }
        DataOutputSerializer key = key();
        userKeySerializer.serialize(userKey, key);
        return key;
    }

    @Override
    public UV get(UK userKey) throws Exception {
        if (!readValue(userKey(userKey))) {
            return null;
        }
        return KeyedSnapshotFormat.readMapValue(in, userValueSerializer);
    }

    @Override
    public void put(UK userKey, UV value) throws Exception {
        DataOutputSerializer key = userKey(userKey);
        valueOut.clear();
        KeyedSnapshotFormat.writeMapValue(value, userValueSerializer, valueOut);
        putValue(key);
    }

    @Override
    public void putAll(Map<UK, UV> map) throws Exception {
        if (map == null || map.isEmpty()) {
            return;
        }
        try (WriteBatch batch = new WriteBatch()) {
            for (Map.Entry<UK, UV> mapping : map.entrySet()) {
                DataOutputSerializer key = userKey(mapping.getKey());
                valueOut.clear();
                KeyedSnapshotFormat.writeMapValue(mapping.getValue(), userValueSerializer, valueOut);
                batch.put(column, Arrays.copyOf(key.getSharedBuffer(), key.length()),
                        Arrays.copyOf(valueOut.getSharedBuffer(), valueOut.length()));
            }
            db.write(writeOptions, batch);
        }
    }

    @Override
    public void remove(UK userKey) throws Exception {
        delete(userKey(userKey));
    }

    @Override
    public boolean contains(UK userKey) throws Exception {
        return readValue(userKey(userKey));
    }

    @Override
    public Iterable<Map.Entry<UK, UV>> entries() {
        return this::iterator;
    }

    @Override
    public Iterable<UK> keys() {
        return () -> MapStateIterators.keys(iterator());
    }

    @Override
    public Iterable<UV> values() {
        return () -> MapStateIterators.values(iterator());
    }

    @Override
    public Iterator<Map.Entry<UK, UV>> iterator() {
        return new BatchIterator(currentPrefix());
    }

    @Override
    public boolean isEmpty() {
        byte[] prefix = currentPrefix();
        try (RocksIterator it = db.newIterator(column)) {
            it.seek(prefix);
            return !(it.isValid() && startsWith(it.key(), prefix));
        }
    }

    @Override
    public void clear() {
        byte[] prefix = currentPrefix();
        try (RocksIterator it = db.newIterator(column); WriteBatch batch = new WriteBatch()) {
            for (it.seek(prefix); it.isValid() && startsWith(it.key(), prefix); it.next()) {
                batch.delete(column, it.key());
            }
            db.write(writeOptions, batch);
        } catch (RocksDBException e) {
            throw new StateAccessException("Error while clearing RocksDB map state", e);
        }
    }

    private byte[] currentPrefix() {
        try {
            DataOutputSerializer key = key();
            return Arrays.copyOf(key.getSharedBuffer(), key.length());
        } catch (IOException e) {
            throw new StateAccessException("Error while serializing the current key", e);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** A mapping read by an iterator; {@link #setValue} writes through. */
    private final class Entry implements Map.Entry<UK, UV> {
        final byte[] rawKey;
        final UK userKey;
        UV value;
        boolean removed;

        Entry(byte[] rawKey, UK userKey, UV value) {
            this.rawKey = rawKey;
            this.userKey = userKey;
            this.value = value;
        }

        @Override
        public UK getKey() {
            return userKey;
        }

        @Override
        public UV getValue() {
            return value;
        }

        @Override
        public UV setValue(UV newValue) {
            if (removed) {
                throw new IllegalStateException("the mapping was removed");
            }
            UV old = value;
            try {
                valueOut.clear();
                KeyedSnapshotFormat.writeMapValue(newValue, userValueSerializer, valueOut);
                db.put(column, writeOptions, rawKey, 0, rawKey.length, valueOut.getSharedBuffer(), 0, valueOut.length());
            } catch (IOException | RocksDBException e) {
                throw new StateAccessException("Error while writing RocksDB map state", e);
            }
            value = newValue;
            return old;
        }
    }

    /** Iterates the mappings of one key in batches; each batch seeks past the last key of the previous one. */
    private final class BatchIterator implements Iterator<Map.Entry<UK, UV>> {
        private final byte[] prefix;
        private final List<Entry> batch = new ArrayList<>(ITERATOR_BATCH);
        private int position;
        private boolean exhausted;
        private Entry current;

        BatchIterator(byte[] prefix) {
            this.prefix = prefix;
        }

        @Override
        public boolean hasNext() {
            if (position < batch.size()) {
                return true;
            }
            if (!exhausted) {
                load();
            }
            return position < batch.size();
        }

        @Override
        public Map.Entry<UK, UV> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            current = batch.get(position++);
            return current;
        }

        @Override
        public void remove() {
            if (current == null || current.removed) {
                throw new IllegalStateException("next() was not called, or the mapping was already removed");
            }
            try {
                db.delete(column, writeOptions, current.rawKey);
            } catch (RocksDBException e) {
                throw new StateAccessException("Error while removing from RocksDB map state", e);
            }
            current.removed = true;
        }

        private void load() {
            byte[] after = batch.isEmpty() ? null : batch.get(batch.size() - 1).rawKey;
            batch.clear();
            position = 0;
            try (RocksIterator it = db.newIterator(column)) {
                it.seek(after == null ? prefix : after);
                if (after != null && it.isValid() && Arrays.equals(it.key(), after)) {
                    it.next();
                }
                while (it.isValid() && batch.size() < ITERATOR_BATCH) {
                    byte[] rawKey = it.key();
                    if (!startsWith(rawKey, prefix)) {
                        exhausted = true;
                        return;
                    }
                    batch.add(decode(rawKey, it.value()));
                    it.next();
                }
                exhausted = !it.isValid();
            } catch (IOException e) {
                throw new StateAccessException("Error while reading RocksDB map state", e);
            }
        }

        private Entry decode(byte[] rawKey, byte[] rawValue) throws IOException {
            in.setBuffer(rawKey, prefix.length, rawKey.length - prefix.length);
            UK userKey = userKeySerializer.deserialize(in);
            setInput(rawValue);
            return new Entry(rawKey, userKey, KeyedSnapshotFormat.readMapValue(in, userValueSerializer));
        }
    }
}
