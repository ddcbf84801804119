package org.millrace.state.rocksdb;

import java.io.IOException;
import org.millrace.api.state.ValueState;
import org.millrace.api.typeutils.TypeSerializer;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/** {@link ValueState} in RocksDB: the serialized value under the key. Used only from the task's thread. */
final class RocksDBValueState<K, V> extends AbstractRocksDBState<K> implements ValueState<V> {

    private final TypeSerializer<V> serializer;
    private final V defaultValue;

    RocksDBValueState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle column, TypeSerializer<V> serializer,
            V defaultValue) {
        super(backend, column);
        this.serializer = serializer;
        this.defaultValue = defaultValue;
    }

    @Override
    public V value() throws IOException {
        try {
            if (!readValue(key())) {
                return defaultValue == null ? null : serializer.copy(defaultValue);
            }
            return serializer.deserialize(in);
        } catch (RocksDBException e) {
            throw ioException("reading", e);
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
            putValue(key());
        } catch (RocksDBException e) {
            throw ioException("writing", e);
        }
    }
}
