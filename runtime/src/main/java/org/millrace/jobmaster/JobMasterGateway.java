package org.millrace.jobmaster;

import org.millrace.checkpoint.CheckpointMetrics;
import org.millrace.checkpoint.CheckpointStats;
import org.millrace.checkpoint.TaskStateSnapshot;
import org.millrace.graph.ExecutionAttemptID;
import java.util.List;
import org.millrace.task.TaskIOReport;

import java.util.concurrent.CompletableFuture;
import org.millrace.resourcemanager.ResourceID;
import org.millrace.rpc.FencedRpcGateway;
import org.millrace.task.TaskExecutionState;

/** A job's JobMaster's RPC interface, fenced by the JobMaster's leader session id. */
public interface JobMasterGateway extends FencedRpcGateway {

    /** From a TaskExecutor: a task changed state. Fails for an execution this JobMaster does not know. */
    CompletableFuture<Void> updateTaskExecutionState(TaskExecutionState state);

    /** Cancels the job; completes when cancelling has begun (the job's result says when it ended). */
    CompletableFuture<Void> cancel();

    CompletableFuture<JobStatus> requestJobStatus();

    /** Busy / back-pressured / idle time of each running subtask of the job. */
    CompletableFuture<List<TaskIOReport>> requestTaskIOMetrics();

    /** From a task: its state for {@code checkpointId} is written. */
    void acknowledgeCheckpoint(ExecutionAttemptID executionId, long checkpointId, CheckpointMetrics metrics,
            TaskStateSnapshot state);

    /**
     * From a task: it could not take part in {@code checkpointId}; {@code taskNotReady} when it was
     * starting or had ended (the abort then does not count as a checkpoint failure).
     */
    void declineCheckpoint(ExecutionAttemptID executionId, long checkpointId, String reason, boolean taskNotReady);

    /** From a task: its data ended; it waits for a final checkpoint. */
    void notifyEndOfData(ExecutionAttemptID executionId);

    /**
     * Takes a savepoint into {@code targetDirectory} (null: the configured default) and, if
     * {@code cancelJob}, cancels the job once it is complete. Completes with the savepoint's path.
     */
    CompletableFuture<String> triggerSavepoint(String targetDirectory, boolean cancelJob);

    /** Checkpoint history of the job (completed and failed), oldest first. */
    CompletableFuture<List<CheckpointStats>> requestCheckpointStats();

    /** A TaskExecutor running this job's tasks answers a heartbeat request. */
    void heartbeatFromTaskManager(ResourceID resourceId);
}
