package org.millrace.taskmanager;

import org.millrace.network.api.CheckpointBarrier;
import org.millrace.task.CheckpointResponder;
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
            TaskStateListener listener,
            CheckpointResponder checkpointResponder) {
        Task task = new Task(descriptor, shuffleEnvironment, userClassLoader, listener, checkpointResponder);
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
            public void triggerCheckpoint(CheckpointBarrier barrier) {
                task.triggerCheckpoint(barrier);
            }

            @Override
            public void notifyCheckpointComplete(long checkpointId) {
                task.notifyCheckpointComplete(checkpointId);
            }

            @Override
            public TaskIOSnapshot ioMetrics() {
                return task.getIOMetrics();
            }
        };
    }
}
