package org.millrace.api;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.millrace.checkpoint.CheckpointStats;

/**
 * What {@code execute()} returns for a finished job: its id, run time, accumulator results and
 * checkpoint history. Immutable; any thread.
 */
public class JobExecutionResult {

    private final JobID jobId;
    private final long netRuntimeMillis;
    private final Map<String, Object> accumulatorResults;
    private final List<CheckpointStats> checkpointStats;

    public JobExecutionResult(JobID jobId, long netRuntimeMillis, Map<String, Object> accumulatorResults) {
        this(jobId, netRuntimeMillis, accumulatorResults, List.of());
    }

    public JobExecutionResult(JobID jobId, long netRuntimeMillis, Map<String, Object> accumulatorResults,
            List<CheckpointStats> checkpointStats) {
        this.jobId = jobId;
        this.netRuntimeMillis = netRuntimeMillis;
        this.accumulatorResults = Collections.unmodifiableMap(accumulatorResults);
        this.checkpointStats = List.copyOf(checkpointStats);
    }

    public JobID getJobID() {
        return jobId;
    }

    /** Milliseconds from the job's start to its end, as measured by the cluster. */
    public long getNetRuntime() {
        return netRuntimeMillis;
    }

    public long getNetRuntime(TimeUnit unit) {
        return unit.convert(netRuntimeMillis, TimeUnit.MILLISECONDS);
    }

    /** The merged value of an accumulator over all subtasks, or null if none was registered under that name. */
    @SuppressWarnings("unchecked")
    public <T> T getAccumulatorResult(String accumulatorName) {
        return (T) accumulatorResults.get(accumulatorName);
    }

    public Map<String, Object> getAllAccumulatorResults() {
        return accumulatorResults;
    }

    /**
     * Every checkpoint and savepoint the job triggered, completed or failed, in the order they
     * ended (empty without checkpointing). Millrace's own addition: Flink's JobExecutionResult has
     * no such method; Flink serves these figures over its REST API ({@code /jobs/:jobid/checkpoints}).
     */
    public List<CheckpointStats> getCheckpointStats() {
        return checkpointStats;
    }

    @Override
    public String toString() {
        return "JobExecutionResult{" + jobId + ", " + netRuntimeMillis + " ms, " + accumulatorResults + "}";
    }
}
