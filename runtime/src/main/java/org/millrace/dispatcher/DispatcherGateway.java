package org.millrace.dispatcher;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.millrace.task.TaskIOReport;
import org.millrace.api.JobID;
import org.millrace.cluster.JobResult;
import org.millrace.graph.JobGraph;
import org.millrace.jobmaster.JobStatus;
import org.millrace.rpc.FencedRpcGateway;

/** The Dispatcher's RPC interface, fenced by its leader session id: what clients (and REST) ask of a cluster. */
public interface DispatcherGateway extends FencedRpcGateway {

    /** Accepts the job (status CREATED) and starts its JobManager; fails for a duplicate id or an empty graph. */
    CompletableFuture<Void> submitJob(JobGraph jobGraph);

    /**
     * Takes a savepoint of a running job into {@code targetDirectory} (null: the configured default);
     * with {@code cancelJob}, cancels the job once it is complete. Completes with the savepoint's path.
     */
    CompletableFuture<String> triggerSavepoint(JobID jobId, String targetDirectory, boolean cancelJob);

    /** Starts cancelling the job; a job that already ended is left as it is. */
    CompletableFuture<Void> cancelJob(JobID jobId);

    CompletableFuture<JobStatus> requestJobStatus(JobID jobId);

    /** Completes when the job has ended. */
    CompletableFuture<JobResult> requestJobResult(JobID jobId);

    /** Busy / back-pressured / idle time of each running subtask of the job (from its JobMaster). */
    CompletableFuture<List<TaskIOReport>> requestTaskIOMetrics(JobID jobId);

    /** Every job this Dispatcher knows, running or ended, in submission order. */
    CompletableFuture<List<JobStatusMessage>> listJobs();

    /**
     * The job's status changes from index {@code fromIndex} on (0 = since submission), in order. A long
     * poll: if there is none yet it completes with the next change; after the terminal status it
     * completes with an empty list. Clients follow a job by polling from the count they have seen.
     */
    CompletableFuture<List<JobStatusChange>> requestJobStatusHistory(JobID jobId, int fromIndex);
}
