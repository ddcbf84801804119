package org.millrace.dispatcher;

import java.io.Serializable;
import org.millrace.api.JobID;
import org.millrace.jobmaster.JobStatus;

/** A line of the job list: id, name, current status, submission time. */
public record JobStatusMessage(JobID jobId, String jobName, JobStatus status, long submissionTimeMillis)
        implements Serializable {}
