package org.millrace.taskmanager;

import org.millrace.network.api.CheckpointBarrier;
import java.util.List;
import org.millrace.task.TaskIOReport;

import java.util.concurrent.CompletableFuture;
import org.millrace.api.JobID;
import org.millrace.graph.ExecutionAttemptID;
import org.millrace.jobmaster.JobMasterGateway;
import org.millrace.resourcemanager.AllocationID;
import org.millrace.resourcemanager.ResourceID;
import org.millrace.resourcemanager.SlotID;
import org.millrace.rpc.RpcGateway;
import org.millrace.task.TaskDeploymentDescriptor;

/** A TaskExecutor's RPC interface (not fenced: it is no leader). */
public interface TaskExecutorGateway extends RpcGateway {

    /** From the ResourceManager: slot {@code slotId} now belongs to the job under {@code allocationId}. */
    CompletableFuture<Void> requestSlot(SlotID slotId, JobID jobId, AllocationID allocationId);

    /**
     * From a JobMaster: runs a subtask in the job's slot {@code allocationId} and reports its state
     * changes to {@code jobMaster}. Fails if the slot is not allocated to the task's job.
     */
    CompletableFuture<Void> submitTask(
            TaskDeploymentDescriptor descriptor, AllocationID allocationId, JobMasterGateway jobMaster);

    /** Asks a task to stop; it reports CANCELED (or the state it reached first). Unknown tasks are ignored. */
    CompletableFuture<Void> cancelTask(ExecutionAttemptID executionId);

    /** From a JobMaster: a source task starts checkpoint {@code barrier} (a task not running declines it). */
    void triggerCheckpoint(ExecutionAttemptID executionId, CheckpointBarrier barrier);

    /** From a JobMaster: checkpoint {@code checkpointId} of the task's job is complete. */
    void notifyCheckpointComplete(ExecutionAttemptID executionId, long checkpointId);

    /** From the ResourceManager: the job's slots here are free again; tasks still in them are canceled. */
    CompletableFuture<Void> freeSlots(JobID jobId);

    /** Busy / back-pressured / idle time of the job's tasks running here. */
    CompletableFuture<List<TaskIOReport>> requestTaskIOMetrics(JobID jobId);

    /** From the ResourceManager: a heartbeat request; the TaskExecutor answers with its slot report. */
    void heartbeatFromResourceManager(ResourceID resourceManagerId);

    /** From the JobMaster of a job with tasks here: a heartbeat request ({@link org.millrace.jobmaster.JobMaster#resourceIdOf}). */
    void heartbeatFromJobManager(ResourceID jobManagerId);
}
