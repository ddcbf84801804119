package org.millrace.checkpoint;

import java.io.Serializable;
import java.util.Map;

/**
 * What one subtask acknowledges for a checkpoint: the state of each operator of its chain, by
 * operator id. Immutable.
 */
public record TaskStateSnapshot(Map<OperatorID, OperatorSubtaskState> operatorStates) implements Serializable {

    public TaskStateSnapshot {
        operatorStates = Map.copyOf(operatorStates);
    }

    public long stateSize() {
        long size = 0;
        for (OperatorSubtaskState s : operatorStates.values()) {
            size += s.stateSize();
        }
        return size;
    }

    /** Bytes written for this checkpoint (less than {@link #stateSize()} when keyed state is incremental). */
    public long checkpointedSize() {
        long size = 0;
        for (OperatorSubtaskState s : operatorStates.values()) {
            size += s.checkpointedSize();
        }
        return size;
    }

    public void discardState() {
        operatorStates.values().forEach(OperatorSubtaskState::discardState);
    }
}
