package org.millrace.task.operators;

import java.util.List;
import org.millrace.checkpoint.OperatorListState;

/** What an operator writes its non-keyed state into at a checkpoint. Task thread only. */
public interface StateSnapshotContext {

    long getCheckpointId();

    /** True for a savepoint. */
    boolean isSavepoint();

    /** Stores the list {@code name}; {@code distribution} says how it is dealt out if the parallelism changes. */
    void putListState(String name, OperatorListState.Distribution distribution, List<byte[]> entries);
}
