package org.millrace.cluster;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.millrace.api.JobID;
import org.millrace.checkpoint.CheckpointStats;
import org.millrace.jobmaster.JobStatus;

/**
 * How a job ended: its final status, the merged accumulator values, for a failed job the cause (a
 * {@link org.millrace.task.TaskFailureException} when a task failed), and the history of its
 * checkpoints and savepoints (empty without checkpointing). Immutable; built on the JobMaster's main
 * thread and sent to clients over RPC, so everything in it is serializable.
 */
public record JobResult(
        JobID jobId,
        String jobName,
        JobStatus status,
        Map<String, Object> accumulatorResults,
        Throwable failureCause,
        long netRuntimeMillis,
        List<CheckpointStats> checkpointStats)
        implements Serializable {

    public JobResult {
        checkpointStats = checkpointStats == null ? List.of() : List.copyOf(checkpointStats);
    }

    /** A result without checkpoint history (the job took no checkpoints, or never started). */
    public JobResult(JobID jobId, String jobName, JobStatus status, Map<String, Object> accumulatorResults,
            Throwable failureCause, long netRuntimeMillis) {
        this(jobId, jobName, status, accumulatorResults, failureCause, netRuntimeMillis, List.of());
    }

    public boolean isSuccess() {
        return status == JobStatus.FINISHED;
    }
}
