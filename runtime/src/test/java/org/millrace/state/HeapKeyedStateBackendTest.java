package org.millrace.state;

import java.nio.file.Path;

/** {@link KeyedStateBackendTestBase} against the heap backend. */
class HeapKeyedStateBackendTest extends KeyedStateBackendTestBase {

    @Override
    StateBackend stateBackend(Path localDirectory) {
        return new HashMapStateBackend();
    }
}
