package org.millrace.state.rocksdb;

import org.millrace.api.functions.ReduceFunction;
import org.millrace.api.state.ReducingState;
import org.millrace.api.typeutils.TypeSerializer;
import org.rocksdb.ColumnFamilyHandle;

/** {@link ReducingState} in RocksDB: read, reduce, write back. Used only from the task's thread. */
final class RocksDBReducingState<K, T> extends AbstractRocksDBState<K> implements ReducingState<T> {

    private final TypeSerializer<T> serializer;
    private final ReduceFunction<T> reduceFunction;

    RocksDBReducingState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle column, TypeSerializer<T> serializer,
            ReduceFunction<T> reduceFunction) {
        super(backend, column);
        this.serializer = serializer;
        this.reduceFunction = reduceFunction;
    }

    @Override
    public T get() throws Exception {
        if (!readValue(key())) {
            return null;
        }
        return serializer.deserialize(in);
    }

    @Override
    public void add(T value) throws Exception {
        if (value == null) {
            throw new NullPointerException("You cannot add null to a ReducingState.");
        }
        T current = get();
        T reduced = current == null ? value : reduceFunction.reduce(current, value);
        valueOut.clear();
        serializer.serialize(reduced, valueOut);
        putValue(key());
    }
}
