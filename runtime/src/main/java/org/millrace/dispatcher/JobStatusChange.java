package org.millrace.dispatcher;

import java.io.Serializable;
import org.millrace.api.JobID;
import org.millrace.jobmaster.JobStatus;

/** One entry of a job's status history: the new status, when, and for FAILING/FAILED the cause. */
public record JobStatusChange(JobID jobId, JobStatus status, long timestampMillis, Throwable cause)
        implements Serializable {}
