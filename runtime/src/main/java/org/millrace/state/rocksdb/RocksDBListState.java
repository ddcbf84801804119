package org.millrace.state.rocksdb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.millrace.api.state.ListState;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.state.KeyedSnapshotFormat;
import org.rocksdb.ColumnFamilyHandle;

/**
 * {@link ListState} in RocksDB: the elements, delimited, under the key. Appends are RocksDB merges
 * (the string-append operator adds the delimiter), so adding never reads. Used only from the task's thread.
 */
final class RocksDBListState<K, T> extends AbstractRocksDBState<K> implements ListState<T> {

    private final TypeSerializer<T> elementSerializer;

    RocksDBListState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle column, TypeSerializer<T> elementSerializer) {
        super(backend, column);
        this.elementSerializer = elementSerializer;
    }

    @Override
    public Iterable<T> get() throws Exception {
        if (!readValue(key())) {
            return Collections.emptyList();
        }
        List<T> elements = new ArrayList<>();
        KeyedSnapshotFormat.readList(in, elementSerializer, elements);
        return elements;
    }

    @Override
    public void add(T value) throws Exception {
        if (value == null) {
            throw new NullPointerException("You cannot add null to a ListState.");
        }
        valueOut.clear();
        elementSerializer.serialize(value, valueOut);
        mergeValue(key());
    }

    @Override
    public void addAll(List<T> values) throws Exception {
        if (values == null || values.isEmpty()) {
            return;
        }
        valueOut.clear();
        KeyedSnapshotFormat.writeList(values, elementSerializer, valueOut);
        mergeValue(key());
    }

    @Override
    public void update(List<T> values) throws Exception {
        if (values == null || values.isEmpty()) {
            clear();
            return;
        }
        valueOut.clear();
        KeyedSnapshotFormat.writeList(values, elementSerializer, valueOut);
        putValue(key());
    }
}
