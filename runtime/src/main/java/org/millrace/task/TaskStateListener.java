package org.millrace.task;

/** Where a task reports its state changes (the TaskManager forwards them to the JobMaster). Called from the task's thread. */
@FunctionalInterface
public interface TaskStateListener {
    void onTaskStateChange(TaskExecutionState state);
}
