package org.millrace.configuration;

/** Sizing of the JobManager process (the YARN ApplicationMaster). Constants; any thread. */
public final class JobManagerOptions {

    private JobManagerOptions() {}

    public static final ConfigOption<MemorySize> TOTAL_PROCESS_MEMORY = ConfigOptions.key("jobmanager.memory.process.size")
            .memoryType()
            .defaultValue(MemorySize.ofMebiBytes(1600))
            .withDescription("Total memory of the JobManager process: the size of the ApplicationMaster's YARN container.");
}
