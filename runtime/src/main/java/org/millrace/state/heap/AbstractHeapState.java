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
        return table.get(currentKey(), backend.getCurrentKeyHash(), backend.getCurrentKeyStamp());
    }

    final S readForUpdate() {
        return table.getForUpdate(currentKey(), backend.getCurrentKeyHash(), backend.getCurrentKeyStamp());
    }

    final void write(S value) {
        table.put(currentKey(), backend.getCurrentKeyHash(), value, backend.getCurrentKeyStamp());
    }

    @Override
    public final void clear() {
        table.remove(currentKey(), backend.getCurrentKeyHash());
    }

    private K currentKey() {
        K key = backend.getCurrentKey();
        if (key == null) {
            throw new IllegalStateException("no current key: call setCurrentKey before using keyed state");
        }
        return key;
    }
}
