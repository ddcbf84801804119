package org.millrace.task;

import org.millrace.checkpoint.CheckpointMetrics;
import org.millrace.checkpoint.TaskStateSnapshot;
import org.millrace.graph.ExecutionAttemptID;

/**
 * How a task answers its job's checkpoint coordinator. Called from the task's thread and its
 * asynchronous snapshot thread; implementations hand the call on without blocking.
 */
public interface CheckpointResponder {

    /** The task's state for {@code checkpointId} is written. */
    void acknowledgeCheckpoint(ExecutionAttemptID executionId, long checkpointId, CheckpointMetrics metrics,
            TaskStateSnapshot state);

    /** The task could not take part in {@code checkpointId}. */
    void declineCheckpoint(ExecutionAttemptID executionId, long checkpointId, Throwable cause);

    /** The task emitted its last record and now waits for a checkpoint to finish with. */
    void reportEndOfData(ExecutionAttemptID executionId);

    /** For jobs without checkpoints, and tests. */
    CheckpointResponder NONE = new CheckpointResponder() {
        @Override
        public void acknowledgeCheckpoint(ExecutionAttemptID executionId, long checkpointId, CheckpointMetrics metrics,
                TaskStateSnapshot state) {}

        @Override
        public void declineCheckpoint(ExecutionAttemptID executionId, long checkpointId, Throwable cause) {}

        @Override
        public void reportEndOfData(ExecutionAttemptID executionId) {}
    };
}
