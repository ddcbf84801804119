package org.millrace.taskmanager;

import org.millrace.task.CheckpointResponder;
import org.millrace.network.ShuffleEnvironment;
import org.millrace.task.TaskDeploymentDescriptor;
import org.millrace.task.TaskStateListener;

/**
 * Creates the tasks a TaskExecutor runs. {@link DefaultTaskFactory} creates real {@link
 * org.millrace.task.Task}s; tests create fakes. Called from the TaskExecutor's main thread.
 */
@FunctionalInterface
public interface TaskFactory {

    /**
     * A task for {@code descriptor}, not started yet. It reports its state changes to {@code listener}
     * from its own thread, the terminal one (FINISHED, FAILED or CANCELED) last, and answers
     * checkpoints through {@code checkpointResponder}.
     */
    TaskHandle createTask(
            TaskDeploymentDescriptor descriptor,
            ShuffleEnvironment shuffleEnvironment,
            ClassLoader userClassLoader,
            TaskStateListener listener,
            CheckpointResponder checkpointResponder)
            throws Exception;
}
