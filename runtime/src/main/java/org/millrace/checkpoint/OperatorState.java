package org.millrace.checkpoint;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state of one operator over all its subtasks at one checkpoint, with the parallelism it was
 * taken at (so a restore at another parallelism can redistribute it). Immutable.
 *
 * @param subtaskStates by subtask index; a subtask without state is absent
 */
public record OperatorState(OperatorID operatorId, int parallelism, int maxParallelism,
        Map<Integer, OperatorSubtaskState> subtaskStates) implements Serializable {

    public OperatorState {
        subtaskStates = java.util.Collections.unmodifiableMap(new TreeMap<>(subtaskStates));
    }

    public long stateSize() {
        long size = 0;
        for (OperatorSubtaskState s : subtaskStates.values()) {
            size += s.stateSize();
        }
        return size;
    }
}
