package org.millrace.api.functions;

/** Where a function instance runs: its task's name, subtask index and parallelism. */
public interface TaskInfo {

    String getTaskName();

    /** Zero-based index of this parallel instance. */
    int getIndexOfThisSubtask();

    int getNumberOfParallelSubtasks();

    /** The max parallelism, i.e. the number of key groups. */
    int getMaxNumberOfParallelSubtasks();

    /** Zero for the first execution, incremented on every restart. */
    int getAttemptNumber();
}
