package org.millrace.taskmanager;

import org.millrace.network.ShuffleEnvironment;
import org.millrace.task.Task;
import org.millrace.task.TaskIOSnapshot;
import org.millrace.task.TaskDeploymentDescriptor;
import org.millrace.task.TaskStateListener;

/** Creates real {@link Task}s, each running its subtask in its own thread. Stateless. */
public final class DefaultTaskFactory implements TaskFactory {

    @Override
    public TaskHandle createTask(
            TaskDeploymentDescriptor descriptor,
            ShuffleEnvironment shuffleEnvironment,
            ClassLoader userClassLoader,
            TaskStateListener listener) {
        Task task = new Task(descriptor, shuffleEnvironment, userClassLoader, listener);
        return new TaskHandle() {
            @Override
            public void start() {
                task.start();
            }

            @Override
            public void cancel() {
                task.cancel();
            }

            @Override
            public TaskIOSnapshot ioMetrics() {
                return task.getIOMetrics();
            }
        };
    }
}
