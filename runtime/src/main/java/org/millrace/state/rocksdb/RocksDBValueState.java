package org.millrace.state.rocksdb;

import java.io.IOException;
import org.millrace.api.state.ValueState;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.state.StateAccessException;
import org.millrace.types.DataOutputSerializer;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/**
 * {@link ValueState} in RocksDB: the serialized value under the key, read and written through the
 * backend's {@link RocksDBValueCache} when it has one. Used only from the task's thread.
 */
final class RocksDBValueState<K, V> extends AbstractRocksDBState<K> implements ValueState<V> {

    private final TypeSerializer<V> serializer;
    private final V defaultValue;
    /** This state's part of the backend's cache; null without one. */
    private final RocksDBValueCache<K>.StateEntries cache;

    RocksDBValueState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle column, TypeSerializer<V> serializer,
            V defaultValue, RocksDBValueCache<K>.StateEntries cache) {
        super(backend, column);
        this.serializer = serializer;
        this.defaultValue = defaultValue;
        this.cache = cache;
    }

    @Override
    public V value() throws IOException {
        try {
            if (cache != null) {
                K key = backend.getCurrentKey();
                RocksDBValueCache.Entry cached = cache.get(key);
                if (cached == null) {
                    DataOutputSerializer rocksKey = key();
                    byte[] stored = readValueCopy(rocksKey);
                    cache.insert(key, rocksKey.getCopyOfBuffer(), stored, false);
                    return stored == null ? defaultValue() : deserialize(stored);
                }
                return cached.value == null ? defaultValue() : deserialize(cached.value);
            }
            if (!readValue(key())) {
                return defaultValue();
            }
            return serializer.deserialize(in);
        } catch (RocksDBException e) {
            throw ioException("reading", e);
        }
    }

    private void cacheWrite(byte[] value) throws IOException {
        K key = backend.getCurrentKey();
        RocksDBValueCache.Entry cached = cache.get(key);
        if (cached == null) {
            cache.insert(key, key().getCopyOfBuffer(), value, true);
        } else {
            cache.update(key, cached, value);
        }
    }

    private V defaultValue() {
        return defaultValue == null ? null : serializer.copy(defaultValue);
    }

    private V deserialize(byte[] bytes) throws IOException {
        setInput(bytes);
        return serializer.deserialize(in);
    }

    @Override
    public void clear() {
        if (cache == null) {
            super.clear();
            return;
        }
        try {
            cacheWrite(null);
        } catch (IOException e) {
            throw new StateAccessException("Error while clearing RocksDB state", e);
        }
    }

    @Override
    public void update(V value) throws IOException {
        if (value == null) {
            clear();
            return;
        }
        try {
            valueOut.clear();
            serializer.serialize(value, valueOut);
            if (cache != null) {
                cacheWrite(valueOut.getCopyOfBuffer());
            } else {
                putValue(key());
            }
        } catch (RocksDBException e) {
            throw ioException("writing", e);
        }
    }
}
