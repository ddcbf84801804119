package org.millrace.configuration;

/** The cluster that '-t local' and '-t process' start. Constants; any thread. */
public final class LocalClusterOptions {

    private LocalClusterOptions() {}

    public static final ConfigOption<Integer> NUM_TASK_MANAGERS = ConfigOptions.key("local.number-taskmanager")
            .intType()
            .checking(n -> n >= 1, "at least 1")
            .defaultValue(1)
            .withDescription("TaskManagers of a local cluster; each has taskmanager.numberOfTaskSlots slots.");
}
