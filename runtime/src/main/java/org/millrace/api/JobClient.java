package org.millrace.api;

import java.util.concurrent.CompletableFuture;
import org.millrace.jobmaster.JobStatus;

/** A handle on a submitted job, returned by {@code executeAsync()}. Safe to use from any thread. */
public interface JobClient {

    JobID getJobID();

    CompletableFuture<JobStatus> getJobStatus();

    CompletableFuture<Void> cancel();

    /**
     * Completes with the result when the job finishes, or exceptionally with a
     * {@link JobExecutionException} when it fails or is canceled.
     */
    CompletableFuture<JobExecutionResult> getJobExecutionResult();
}
