package org.millrace.task;

import java.util.List;
import java.util.Map;
import java.util.concurrent.RunnableFuture;
import org.millrace.checkpoint.OperatorID;
import org.millrace.checkpoint.OperatorListState;
import org.millrace.checkpoint.OperatorSubtaskState;
import org.millrace.state.KeyedStateHandle;

/**
 * One operator's snapshot between its synchronous part (lists taken, keyed view fixed, on the task
 * thread) and its asynchronous part ({@link #complete()}, on the snapshot thread, writes the keyed state).
 *
 * @param keyedState null when the operator has no keyed state
 */
record OperatorSnapshotInProgress(OperatorID operatorId, Map<String, OperatorListState> listStates,
        RunnableFuture<KeyedStateHandle> keyedState) {

    /** Writes the keyed state (if any) and returns the finished snapshot. Snapshot thread. */
    OperatorSubtaskState complete() throws Exception {
        if (keyedState == null) {
            return new OperatorSubtaskState(List.of(), listStates);
        }
        keyedState.run();
        KeyedStateHandle handle = keyedState.get();
        return new OperatorSubtaskState(handle == null ? List.of() : List.of(handle), listStates);
    }

    /** Drops the snapshot (the checkpoint failed or the task stops). Any thread. */
    void cancel() {
        if (keyedState != null) {
            keyedState.cancel(false);
        }
    }
}
