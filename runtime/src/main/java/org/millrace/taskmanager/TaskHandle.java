package org.millrace.taskmanager;

import org.millrace.network.api.CheckpointBarrier;
import org.millrace.task.TaskIOSnapshot;

/**
 * What the TaskExecutor needs of a running subtask: start it, ask it to stop. Everything else it
 * learns from the state changes the task reports. Called from the TaskExecutor's main thread.
 */
public interface TaskHandle {

    /** Starts the task's own thread; returns at once. */
    void start();

    /** Asks the task to stop; returns at once. The task then reports CANCELED (or the state it reached first). */
    void cancel();

    /** Starts checkpoint {@code barrier} at this (source) task; returns at once. */
    default void triggerCheckpoint(CheckpointBarrier barrier) {}

    /** Checkpoint {@code checkpointId} is complete; returns at once. */
    default void notifyCheckpointComplete(long checkpointId) {}

    /** Busy / back-pressured / idle time so far, or null if the task does not measure it. */
    default TaskIOSnapshot ioMetrics() {
        return null;
    }
}
