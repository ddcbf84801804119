package org.millrace.jobmaster;

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

    /** A TaskExecutor running this job's tasks answers a heartbeat request. */
    void heartbeatFromTaskManager(ResourceID resourceId);
}
