package org.millrace.taskmanager;

import java.time.Duration;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.TaskManagerOptions;

/** The settings a TaskExecutor runs with, read once from the configuration. Immutable. */
public record TaskManagerConfiguration(int numberOfSlots, Duration cancellationTimeout) {

    public static TaskManagerConfiguration fromConfiguration(Configuration configuration) {
        return new TaskManagerConfiguration(
                configuration.get(TaskManagerOptions.NUM_TASK_SLOTS),
                configuration.get(TaskManagerOptions.TASK_CANCELLATION_TIMEOUT));
    }
}
