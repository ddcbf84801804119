package org.millrace.graph;

import java.io.Serializable;
import java.util.UUID;

/** Identifies the data set a job vertex produces for one consuming edge (random, unique across jobs). */
public record IntermediateDataSetID(UUID id) implements Serializable {

    public static IntermediateDataSetID random() {
        return new IntermediateDataSetID(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return id.toString().substring(0, 8);
    }
}
