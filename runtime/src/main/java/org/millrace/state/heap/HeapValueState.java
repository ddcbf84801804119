package org.millrace.state.heap;

import org.millrace.api.state.ValueState;
import org.millrace.api.typeutils.TypeSerializer;

/** {@link ValueState} on the heap. Used only from the task's thread. */
final class HeapValueState<K, V> extends AbstractHeapState<K, V> implements ValueState<V> {

    private final TypeSerializer<V> serializer;
    private final boolean mutable;
    private final V defaultValue;

    HeapValueState(HeapKeyedStateBackend<K> backend, StateTable<K, V> table, TypeSerializer<V> serializer, V defaultValue) {
        super(backend, table);
        this.serializer = serializer;
        this.mutable = !serializer.isImmutableType();
        this.defaultValue = defaultValue;
    }

    @Override
    public V value() {
        // a mutable value may be changed in place by the caller: unshare it from snapshots first
        V value = mutable ? readForUpdate() : read();
        if (value == null && defaultValue != null) {
            return mutable ? serializer.copy(defaultValue) : defaultValue;
        }
        return value;
    }

    @Override
    public void update(V value) {
        if (value == null) {
            clear();
        } else {
            write(value);
        }
    }
}
