package org.millrace.task;

/**
 * Why a subtask failed: the task (operator chain) name, which subtask, and the user's exception as
 * the cause. Its message is the one line the CLI prints.
 */
public class TaskFailureException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String taskName;
    private final int subtaskIndex;
    private final int parallelism;

    public TaskFailureException(String taskName, int subtaskIndex, int parallelism, Throwable cause) {
        super("Operator '" + taskName + "' (subtask " + (subtaskIndex + 1) + "/" + parallelism + ") failed: " + cause, cause);
        this.taskName = taskName;
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
    }

    public String getTaskName() {
        return taskName;
    }

    public int getSubtaskIndex() {
        return subtaskIndex;
    }

    public int getParallelism() {
        return parallelism;
    }
}
