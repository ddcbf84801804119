package org.millrace.task;

/**
 * Why a task declined a checkpoint. {@code taskNotReady} marks declines that say nothing about
 * the health of the job (the task was still starting or had already ended): the coordinator aborts
 * that checkpoint but does not count it against {@code execution.checkpointing.tolerable-failed-checkpoints}.
 */
public final class CheckpointDeclinedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean taskNotReady;

    public CheckpointDeclinedException(String message, boolean taskNotReady) {
        super(message);
        this.taskNotReady = taskNotReady;
    }

    public boolean isTaskNotReady() {
        return taskNotReady;
    }
}
