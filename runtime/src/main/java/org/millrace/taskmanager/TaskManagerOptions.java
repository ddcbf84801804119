package org.millrace.taskmanager;

import org.millrace.configuration.ConfigOption;

/** Configuration of a TaskManager (keys as in Flink). */
public final class TaskManagerOptions {

    private TaskManagerOptions() {}

    public static final ConfigOption<Integer> NUM_TASK_SLOTS = new ConfigOption<>(
            "taskmanager.numberOfTaskSlots",
            1,
            "a positive integer",
            s -> {
                int v = Integer.parseInt(s);
                if (v <= 0) {
                    throw new IllegalArgumentException("must be positive");
                }
                return v;
            },
            "Slots per TaskManager; each slot runs one subtask of every vertex of a job.");

    public static final ConfigOption<Long> TASK_CANCELLATION_TIMEOUT = new ConfigOption<>(
            "task.cancellation.timeout",
            180_000L,
            "a positive number of milliseconds",
            s -> {
                long v = Long.parseLong(s);
                if (v <= 0) {
                    throw new IllegalArgumentException("must be positive");
                }
                return v;
            },
            "How long a stopping TaskManager waits for its canceled tasks to end.");
}
