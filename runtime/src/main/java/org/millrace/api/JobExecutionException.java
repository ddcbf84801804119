package org.millrace.api;

/**
 * Thrown by {@code execute()} when the job did not finish: it failed (the cause names the failed
 * operator and subtask, with the user's exception below it) or was canceled.
 */
public class JobExecutionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final JobID jobId;

    public JobExecutionException(JobID jobId, String message, Throwable cause) {
        super(message, cause);
        this.jobId = jobId;
    }

    public JobID getJobID() {
        return jobId;
    }
}
