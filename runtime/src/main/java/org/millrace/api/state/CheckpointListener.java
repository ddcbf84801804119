package org.millrace.api.state;

/**
 * A user function (or operator) told when a checkpoint it took part in has completed, as Flink's
 * interface of the same name: the moment to make side effects of that checkpoint visible (commit a
 * transaction) or to know that state up to it is safe. Called on the task's thread, between records;
 * a notification may be skipped when a later checkpoint completes first.
 */
public interface CheckpointListener {

    /** Checkpoint {@code checkpointId} is complete: every task's part of it is durable. */
    void notifyCheckpointComplete(long checkpointId) throws Exception;

    /** Checkpoint {@code checkpointId} was abandoned; by default nothing happens. */
    default void notifyCheckpointAborted(long checkpointId) throws Exception {}
}
