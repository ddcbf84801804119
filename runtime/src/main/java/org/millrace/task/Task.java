package org.millrace.task;

import org.millrace.graph.ExecutionAttemptID;
import org.millrace.network.ShuffleEnvironment;

/**
 * One subtask execution in its own thread: deserializes its operator chain, sets up its partitions
 * and gates, runs the mailbox loop, and reports state changes. (Signature placeholder.)
 */
public final class Task {

    private final TaskDeploymentDescriptor descriptor;

    public Task(TaskDeploymentDescriptor descriptor, ShuffleEnvironment shuffle, ClassLoader userClassLoader, TaskStateListener listener) {
        this.descriptor = descriptor;
    }

    /** Starts the task's thread; state changes are reported to the listener from then on. */
    public void start() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Asks the task to stop; returns at once. The listener hears CANCELED (or FINISHED/FAILED if it ended first). */
    public void cancel() {}

    public ExecutionAttemptID getExecutionId() {
        return descriptor.executionId();
    }

    public TaskDeploymentDescriptor getDescriptor() {
        return descriptor;
    }
}
