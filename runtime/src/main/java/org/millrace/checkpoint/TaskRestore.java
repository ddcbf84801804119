package org.millrace.checkpoint;

import java.io.Serializable;

/**
 * The state a subtask starts from: its share of checkpoint {@code checkpointId}, already
 * redistributed by the JobMaster for the subtask's index and parallelism. Operators of the chain
 * missing from {@code state} start empty. Immutable; sent with the deployment.
 */
public record TaskRestore(long checkpointId, TaskStateSnapshot state) implements Serializable {

    /** The state of one operator, or null if the checkpoint has none for it. */
    public OperatorSubtaskState stateOf(OperatorID operatorId) {
        return state.operatorStates().get(operatorId);
    }
}
