package org.millrace.cluster;

import java.io.Serializable;
import java.util.Map;
import org.millrace.api.JobID;
import org.millrace.jobmaster.JobStatus;

/**
 * How a job ended: its final status, the merged accumulator values, and for a failed job the
 * cause (a {@link org.millrace.task.TaskFailureException} when a task failed).
 */
public record JobResult(
        JobID jobId,
        String jobName,
        JobStatus status,
        Map<String, Object> accumulatorResults,
        Throwable failureCause,
        long netRuntimeMillis)
        implements Serializable {

    public boolean isSuccess() {
        return status == JobStatus.FINISHED;
    }
}
