package org.millrace.task;

import java.io.Serializable;
import org.millrace.graph.ExecutionAttemptID;

/** One subtask's busy / back-pressured / idle time, as a TaskManager reports it to the JobMaster. */
public record TaskIOReport(ExecutionAttemptID executionId, String taskNameWithSubtask, TaskIOSnapshot io) implements Serializable {}
