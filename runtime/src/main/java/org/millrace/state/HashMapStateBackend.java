package org.millrace.state;

import org.millrace.state.heap.HeapKeyedStateBackend;

/** {@code state.backend.type: hashmap}: keyed state as objects on the heap. Stateless; any thread. */
public final class HashMapStateBackend implements StateBackend {

    public static final String NAME = "hashmap";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public <K> KeyedStateBackend<K> createKeyedStateBackend(KeyedStateBackendParameters<K> parameters) {
        return new HeapKeyedStateBackend<>(parameters);
    }
}
