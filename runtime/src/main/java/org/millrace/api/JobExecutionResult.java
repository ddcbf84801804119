package org.millrace.api;

import java.util.Collections;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What {@code execute()} returns for a finished job: its id, run time and accumulator results. */
public class JobExecutionResult {

    private final JobID jobId;
    private final long netRuntimeMillis;
    private final Map<String, Object> accumulatorResults;

    public JobExecutionResult(JobID jobId, long netRuntimeMillis, Map<String, Object> accumulatorResults) {
        this.jobId = jobId;
        this.netRuntimeMillis = netRuntimeMillis;
        this.accumulatorResults = Collections.unmodifiableMap(accumulatorResults);
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

    @Override
    public String toString() {
        return "JobExecutionResult{" + jobId + ", " + netRuntimeMillis + " ms, " + accumulatorResults + "}";
    }
}
