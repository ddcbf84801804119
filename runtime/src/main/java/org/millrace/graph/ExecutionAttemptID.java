package org.millrace.graph;

import java.io.Serializable;

/** One execution attempt of a subtask: attempt 0 first, incremented on every restart. */
public record ExecutionAttemptID(ExecutionVertexID vertexId, int attemptNumber) implements Serializable {

    @Override
    public String toString() {
        return vertexId + "@" + attemptNumber;
    }
}
