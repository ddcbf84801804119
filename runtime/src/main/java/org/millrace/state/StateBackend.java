package org.millrace.state;

import java.io.IOException;

/**
 * Creates keyed state backends: one per keyed operator subtask. Chosen by {@code state.backend.type}
 * ({@link StateBackendLoader}). Implementations hold only configuration; thread-safe.
 */
public interface StateBackend {

    /** The {@code state.backend.type} value that selects this backend. */
    String getName();

    <K> KeyedStateBackend<K> createKeyedStateBackend(KeyedStateBackendParameters<K> parameters) throws IOException;
}
