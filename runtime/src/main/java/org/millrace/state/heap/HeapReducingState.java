package org.millrace.state.heap;

import org.millrace.api.functions.ReduceFunction;
import org.millrace.api.state.ReducingState;

/** {@link ReducingState} on the heap: the running reduction per key. Used only from the task's thread. */
final class HeapReducingState<K, T> extends AbstractHeapState<K, T> implements ReducingState<T> {

    private final ReduceFunction<T> reduceFunction;
    private final boolean mutable;

    HeapReducingState(HeapKeyedStateBackend<K> backend, StateTable<K, T> table, ReduceFunction<T> reduceFunction,
            boolean mutable) {
        super(backend, table);
        this.reduceFunction = reduceFunction;
        this.mutable = mutable;
    }

    @Override
    public T get() {
        return mutable ? readForUpdate() : read();
    }

    @Override
    public void add(T value) throws Exception {
        if (value == null) {
            throw new NullPointerException("You cannot add null to a ReducingState.");
        }
        T current = readForUpdate();
        write(current == null ? value : reduceFunction.reduce(current, value));
    }
}
