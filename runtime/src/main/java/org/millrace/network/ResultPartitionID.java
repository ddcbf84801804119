package org.millrace.network;

import java.io.Serializable;
import org.millrace.graph.IntermediateDataSetID;

/** One producer subtask's part of a data set, in one execution attempt. */
public record ResultPartitionID(IntermediateDataSetID dataSetId, int producerSubtask, int attempt) implements Serializable {

    @Override
    public String toString() {
        return dataSetId + "#" + producerSubtask + "@" + attempt;
    }
}
