package org.millrace.graph;

import java.io.Serializable;
import java.util.UUID;

/** Identifies a job vertex (a chain of operators). */
public record JobVertexID(UUID id) implements Serializable {

    public static JobVertexID random() {
        return new JobVertexID(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return id.toString().substring(0, 8);
    }
}
