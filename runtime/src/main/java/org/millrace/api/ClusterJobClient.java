package org.millrace.api;

import java.util.concurrent.CompletableFuture;
import org.millrace.cluster.ClusterClient;
import org.millrace.cluster.JobResult;
import org.millrace.jobmaster.JobStatus;

/**
 * A {@link JobClient} over a {@link ClusterClient}. When the cluster was started for this job
 * alone, it is shut down once the job ends.
 */
final class ClusterJobClient implements JobClient {

    private final ClusterClient cluster;
    private final JobID jobId;
    private final CompletableFuture<JobExecutionResult> result;

    ClusterJobClient(ClusterClient cluster, JobID jobId, boolean ownsCluster) {
        this.cluster = cluster;
        this.jobId = jobId;
        this.result = cluster.requestJobResult(jobId)
                .thenApply(ClusterJobClient::toExecutionResult)
                .whenComplete((r, t) -> {
                    if (ownsCluster) {
                        cluster.close();
                    }
                });
    }

    private static JobExecutionResult toExecutionResult(JobResult r) {
        if (r.isSuccess()) {
            return new JobExecutionResult(r.jobId(), r.netRuntimeMillis(), r.accumulatorResults(), r.checkpointStats());
        }
        String what = r.status() == JobStatus.CANCELED ? "was canceled" : "failed";
        Throwable cause = r.failureCause();
        String message = "Job '" + r.jobName() + "' (" + r.jobId() + ") " + what
                + (cause == null ? "" : ": " + cause.getMessage());
        throw new java.util.concurrent.CompletionException(new JobExecutionException(r.jobId(), message, cause));
    }

    @Override
    public JobID getJobID() {
        return jobId;
    }

    @Override
    public CompletableFuture<JobStatus> getJobStatus() {
        return cluster.getJobStatus(jobId);
    }

    @Override
    public CompletableFuture<Void> cancel() {
        return cluster.cancel(jobId);
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(String savepointDirectory) {
        return cluster.triggerSavepoint(jobId, savepointDirectory, false);
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime, String savepointDirectory) {
        if (advanceToEndOfEventTime) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException(
                    "stopWithSavepoint with advanceToEndOfEventTime (drain) is not supported yet; pass false"));
        }
        return cluster.triggerSavepoint(jobId, savepointDirectory, true);
    }

    @Override
    public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
        return result;
    }
}
