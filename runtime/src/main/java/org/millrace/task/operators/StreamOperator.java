package org.millrace.task.operators;

import java.io.Serializable;

/**
 * One operator of a chain. A fresh instance per subtask is deserialized from the job graph, so
 * fields need no synchronization: every method is called from the task's thread, in the order
 * setup, open, (records...), finish (end of input only), close (always).
 */
public interface StreamOperator<OUT> extends Serializable {

    void setup(OperatorContext context, Output<OUT> output);

    void open() throws Exception;

    /** The input has ended: emit what is buffered. Not called on cancellation or failure. */
    default void finish() throws Exception {}

    /**
     * The task takes part in checkpoint {@code context.getCheckpointId()}: put the operator's
     * non-keyed state into {@code context} (its keyed state backend is snapshotted by the task).
     * Called between records, after the barrier has been sent downstream.
     */
    default void snapshotState(StateSnapshotContext context) throws Exception {}

    /** Checkpoint {@code checkpointId} is complete everywhere: commit what it covers (two-phase sinks). */
    default void notifyCheckpointComplete(long checkpointId) throws Exception {}

    /** Releases resources; called after finish, and also on failure or cancellation. */
    void close() throws Exception;
}
