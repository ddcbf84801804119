package org.millrace.task;

import java.io.Serializable;
import java.util.Map;
import org.millrace.api.JobID;
import org.millrace.api.accumulators.Accumulator;
import org.millrace.graph.ExecutionAttemptID;

/**
 * A task's report of a state change to its JobMaster. A FAILED report carries the failure; a
 * terminal report carries the accumulators the task registered (final values).
 */
public record TaskExecutionState(
        JobID jobId,
        ExecutionAttemptID executionId,
        ExecutionState state,
        TaskFailureException failure,
        Map<String, Accumulator<?, ?>> accumulators)
        implements Serializable {}
