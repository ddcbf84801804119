package org.millrace.api;

import java.util.concurrent.CompletableFuture;
import org.millrace.jobmaster.JobStatus;

/** A handle on a submitted job, returned by {@code executeAsync()}. Safe to use from any thread. */
public interface JobClient {

    JobID getJobID();

    CompletableFuture<JobStatus> getJobStatus();

    CompletableFuture<Void> cancel();

    /**
     * Takes a savepoint of the running job into {@code savepointDirectory} (null: the directory of
     * {@code execution.checkpointing.savepoint-dir}); completes with the savepoint's path, which
     * {@code bin/millrace run -s PATH} (or {@code execution.savepoint.path}) restores from.
     */
    CompletableFuture<String> triggerSavepoint(String savepointDirectory);

    /**
     * Takes a savepoint, then cancels the job; completes with the savepoint's path. Flink's
     * {@code advanceToEndOfEventTime} (drain) is not supported: pass false.
     */
    CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime, String savepointDirectory);

    /**
     * Completes with the result when the job finishes, or exceptionally with a
     * {@link JobExecutionException} when it fails or is canceled.
     */
    CompletableFuture<JobExecutionResult> getJobExecutionResult();
}
