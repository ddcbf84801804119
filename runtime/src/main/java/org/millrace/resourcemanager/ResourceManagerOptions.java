package org.millrace.resourcemanager;

import org.millrace.configuration.ConfigOption;

/** Configuration of the ResourceManager and the in-JVM resource driver. */
public final class ResourceManagerOptions {

    private ResourceManagerOptions() {}

    public static final ConfigOption<Long> SLOT_REQUEST_TIMEOUT = new ConfigOption<>(
            "slot.request.timeout",
            300_000L,
            "a positive number of milliseconds",
            ResourceManagerOptions::parsePositiveLong,
            "How long a job waits for its slots before it fails.");

    public static final ConfigOption<Integer> LOCAL_NUMBER_TASK_MANAGERS = new ConfigOption<>(
            "local.number-taskmanager",
            1,
            "a positive integer",
            ResourceManagerOptions::parsePositiveInt,
            "How many TaskManagers a local (in-JVM) cluster runs.");

    private static long parsePositiveLong(String s) {
        long v = Long.parseLong(s);
        if (v <= 0) {
            throw new IllegalArgumentException("must be positive");
        }
        return v;
    }

    private static int parsePositiveInt(String s) {
        int v = Integer.parseInt(s);
        if (v <= 0) {
            throw new IllegalArgumentException("must be positive");
        }
        return v;
    }
}
