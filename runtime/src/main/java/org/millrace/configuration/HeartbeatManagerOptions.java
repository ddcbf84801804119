package org.millrace.configuration;

import java.time.Duration;

/** Heartbeats between JobManager, ResourceManager and TaskManagers. Constants; any thread. */
public final class HeartbeatManagerOptions {

    private HeartbeatManagerOptions() {}

    public static final ConfigOption<Duration> HEARTBEAT_INTERVAL = ConfigOptions.key("heartbeat.interval")
            .durationType()
            .checking(d -> !d.isZero(), "longer than 0")
            .defaultValue(Duration.ofSeconds(10))
            .withDescription("Time between two heartbeat requests.");

    public static final ConfigOption<Duration> HEARTBEAT_TIMEOUT = ConfigOptions.key("heartbeat.timeout")
            .durationType()
            .checking(d -> !d.isZero(), "longer than 0")
            .defaultValue(Duration.ofSeconds(50))
            .withDescription("Time without a heartbeat after which a TaskManager or JobManager counts as lost.");
}
