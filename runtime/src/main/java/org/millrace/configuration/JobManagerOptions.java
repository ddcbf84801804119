package org.millrace.configuration;

import java.time.Duration;

/** Sizing of the JobManager process (the YARN ApplicationMaster). Constants; any thread. */
public final class JobManagerOptions {

    private JobManagerOptions() {}

    public static final ConfigOption<MemorySize> TOTAL_PROCESS_MEMORY = ConfigOptions.key("jobmanager.memory.process.size")
            .memoryType()
            .defaultValue(MemorySize.ofMebiBytes(1600))
            .withDescription("Total memory of the JobManager process: the size of the ApplicationMaster's YARN container.");

    public static final ConfigOption<Duration> SLOT_REQUEST_TIMEOUT = ConfigOptions.key("slot.request.timeout")
            .durationType()
            .checking(d -> !d.isNegative() && !d.isZero(), "positive")
            .defaultValue(Duration.ofMinutes(5))
            .withDescription("How long a job waits for its slots before it fails.");

    public static final ConfigOption<String> RPC_ADDRESS = ConfigOptions.key("jobmanager.rpc.address")
            .stringType()
            .defaultValue("localhost")
            .withDescription("Address of the JobManager's RPC service (Dispatcher, ResourceManager, JobMasters):"
                    + " where TaskManagers of a cluster without HA find the ResourceManager.");

    public static final ConfigOption<Integer> RPC_PORT = ConfigOptions.key("jobmanager.rpc.port")
            .intType()
            .checking(p -> p >= 0 && p <= 65535, "between 0 and 65535")
            .defaultValue(6123)
            .withDescription("Port of the JobManager's RPC service; '-t process' picks a free one unless this is set.");

    public static final ConfigOption<String> FAILOVER_STRATEGY = ConfigOptions.key("jobmanager.execution.failover-strategy")
            .stringType()
            .checking(v -> v.equals("region") || v.equals("full"), "region or full")
            .defaultValue("region")
            .withDescription("What restarts when a task fails: region (only the subtasks connected to it by data"
                    + " exchanges, from the latest checkpoint) or full (the whole job).");
}
