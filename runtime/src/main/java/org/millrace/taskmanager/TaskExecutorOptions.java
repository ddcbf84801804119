package org.millrace.taskmanager;

import java.time.Duration;
import org.millrace.configuration.ConfigOption;
import org.millrace.configuration.ConfigOptions;

/** Configuration of a TaskExecutor beyond its sizing ({@code TaskManagerOptions}). Constants; any thread. */
public final class TaskExecutorOptions {

    private TaskExecutorOptions() {}

    public static final ConfigOption<Duration> TASK_CANCELLATION_TIMEOUT = ConfigOptions.key("task.cancellation.timeout")
            .durationType()
            .checking(d -> !d.isNegative() && !d.isZero(), "positive")
            .defaultValue(Duration.ofMinutes(3))
            .withDescription("How long a stopping TaskManager waits for its canceled tasks to end.");
}
