package org.millrace.state.heap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.millrace.api.state.ListState;

/** {@link ListState} on the heap: an {@code ArrayList} per key. Used only from the task's thread. */
final class HeapListState<K, T> extends AbstractHeapState<K, ArrayList<T>> implements ListState<T> {

    private final boolean mutableElements;

    HeapListState(HeapKeyedStateBackend<K> backend, StateTable<K, ArrayList<T>> table, boolean mutableElements) {
        super(backend, table);
        this.mutableElements = mutableElements;
    }

    @Override
    public Iterable<T> get() {
        ArrayList<T> list = mutableElements ? readForUpdate() : read();
        return list == null ? Collections.emptyList() : Collections.unmodifiableList(list);
    }

    @Override
    public void add(T value) {
        if (value == null) {
            throw new NullPointerException("You cannot add null to a ListState.");
        }
        listForAppend().add(value);
    }

    @Override
    public void addAll(List<T> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        checkNoNulls(values);
        listForAppend().addAll(values);
    }

    @Override
    public void update(List<T> values) {
        if (values == null || values.isEmpty()) {
            clear();
            return;
        }
        checkNoNulls(values);
        write(new ArrayList<>(values));
    }

    private ArrayList<T> listForAppend() {
        ArrayList<T> list = readForUpdate();
        if (list == null) {
            list = new ArrayList<>();
            write(list);
        }
        return list;
    }

    private static void checkNoNulls(List<?> values) {
        for (Object value : values) {
            if (value == null) {
                throw new NullPointerException("You cannot add null to a ListState.");
            }
        }
    }
}
