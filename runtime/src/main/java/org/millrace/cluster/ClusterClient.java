package org.millrace.cluster;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.millrace.task.TaskIOReport;
import org.millrace.api.JobID;
import org.millrace.graph.JobGraph;
import org.millrace.jobmaster.JobStatus;

/**
 * The client's handle on a running cluster (embedded, local processes, or on YARN): submit, follow
 * and cancel jobs. Closing it shuts down a cluster the client itself started for one job.
 */
public interface ClusterClient extends AutoCloseable {

    CompletableFuture<JobID> submitJob(JobGraph jobGraph);

    /** Completes when the job reaches a terminal status. */
    CompletableFuture<JobResult> requestJobResult(JobID jobId);

    CompletableFuture<JobStatus> getJobStatus(JobID jobId);

    CompletableFuture<Void> cancel(JobID jobId);

    /** Takes a savepoint (and, with {@code cancelJob}, then cancels the job); completes with its path. */
    CompletableFuture<String> triggerSavepoint(JobID jobId, String targetDirectory, boolean cancelJob);

    /** Busy / back-pressured / idle time of each running subtask of the job. */
    CompletableFuture<List<TaskIOReport>> requestTaskIOMetrics(JobID jobId);

    /**
     * {@code host:port} at which other clients (the CLI's {@code list}, {@code savepoint}, {@code stop},
     * {@code cancel} with {@code -m}) reach this cluster's Dispatcher; empty when it is not reachable
     * from outside this JVM (an embedded local cluster).
     */
    default Optional<String> getJobManagerAddress() {
        return Optional.empty();
    }

    /** Registers a listener; it first hears the changes that already happened, in order. */
    void addJobStatusListener(JobID jobId, JobStatusListener listener);

    @Override
    void close();
}
