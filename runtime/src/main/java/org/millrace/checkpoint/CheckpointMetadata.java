package org.millrace.checkpoint;

import java.io.Serializable;
import java.util.Map;
import org.millrace.api.JobID;

/**
 * Everything a restore needs from one completed checkpoint or savepoint: the state of every
 * operator of the job, by operator id. Written as the checkpoint's {@code _metadata} file by
 * {@link CheckpointMetadataSerializer}. Immutable.
 */
public record CheckpointMetadata(JobID jobId, long checkpointId, long timestamp, boolean savepoint,
        Map<OperatorID, OperatorState> operatorStates) implements Serializable {

    public CheckpointMetadata {
        operatorStates = Map.copyOf(operatorStates);
    }

    public long stateSize() {
        long size = 0;
        for (OperatorState s : operatorStates.values()) {
            size += s.stateSize();
        }
        return size;
    }
}
