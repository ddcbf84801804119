package org.millrace.cluster;

import org.millrace.api.JobID;
import org.millrace.jobmaster.JobStatus;

/** Hears every status change of a job, in order, from submission to its terminal status. */
@FunctionalInterface
public interface JobStatusListener {
    void onJobStatusChange(JobID jobId, JobStatus newStatus, long timestampMillis, Throwable cause);
}
