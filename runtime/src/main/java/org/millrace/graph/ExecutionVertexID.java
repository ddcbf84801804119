package org.millrace.graph;

import java.io.Serializable;

/** One parallel subtask of a job vertex. */
public record ExecutionVertexID(JobVertexID jobVertexId, int subtaskIndex) implements Serializable {

    @Override
    public String toString() {
        return jobVertexId + "_" + subtaskIndex;
    }
}
