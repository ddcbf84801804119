package org.millrace.taskmanager;

import java.time.Duration;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.HeartbeatManagerOptions;
import org.millrace.configuration.TaskManagerOptions;

/** The settings a TaskExecutor runs with, read once from the configuration. Immutable. */
public record TaskManagerConfiguration(
        int numberOfSlots,
        Duration cancellationTimeout,
        Duration heartbeatInterval,
        Duration heartbeatTimeout,
        Duration registrationTimeout) {

    /** With the default heartbeat interval and timeout. */
    public TaskManagerConfiguration(int numberOfSlots, Duration cancellationTimeout) {
        this(numberOfSlots, cancellationTimeout, HeartbeatManagerOptions.HEARTBEAT_INTERVAL.defaultValue(),
                HeartbeatManagerOptions.HEARTBEAT_TIMEOUT.defaultValue());
    }

    /** With the default registration timeout. */
    public TaskManagerConfiguration(
            int numberOfSlots, Duration cancellationTimeout, Duration heartbeatInterval, Duration heartbeatTimeout) {
        this(numberOfSlots, cancellationTimeout, heartbeatInterval, heartbeatTimeout,
                TaskManagerOptions.REGISTRATION_TIMEOUT.defaultValue());
    }

    public static TaskManagerConfiguration fromConfiguration(Configuration configuration) {
        return new TaskManagerConfiguration(
                configuration.get(TaskManagerOptions.NUM_TASK_SLOTS),
                configuration.get(TaskManagerOptions.TASK_CANCELLATION_TIMEOUT),
                configuration.get(HeartbeatManagerOptions.HEARTBEAT_INTERVAL),
                configuration.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT),
                configuration.get(TaskManagerOptions.REGISTRATION_TIMEOUT));
    }
}
