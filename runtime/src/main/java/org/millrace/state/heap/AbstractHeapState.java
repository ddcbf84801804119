package org.millrace.state.heap;

import org.millrace.api.state.State;

/**
 * Base of the heap states: binds a {@link StateTable} to the backend's current key. Used only from
 * the task's thread.
 *
 * @param <S> the type stored per key
 */
abstract class AbstractHeapState<K, S> implements State {

    final HeapKeyedStateBackend<K> backend;
    final StateTable<K, S> table;

    AbstractHeapState(HeapKeyedStateBackend<K> backend, StateTable<K, S> table) {
        this.backend = backend;
        this.table = table;
    }

    final S read() {
        return table.get(backend.getCurrentKey(), backend.getCurrentKeyGroupIndex());
    }

    final S readForUpdate() {
        return table.getForUpdate(backend.getCurrentKey(), backend.getCurrentKeyGroupIndex());
    }

    final void write(S value) {
        table.put(backend.getCurrentKey(), backend.getCurrentKeyGroupIndex(), value);
    }

    @Override
    public final void clear() {
        table.remove(backend.getCurrentKey(), backend.getCurrentKeyGroupIndex());
    }
}
