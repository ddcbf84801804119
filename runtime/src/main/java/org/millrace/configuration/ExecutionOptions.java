package org.millrace.configuration;

import java.time.Duration;

/** Where and how a job is executed: deployment target, attached mode, buffer flushing. Constants; any thread. */
public final class ExecutionOptions {

    private ExecutionOptions() {}

    public static final ConfigOption<String> TARGET = ConfigOptions.key("execution.target")
            .stringType()
            .defaultValue("local")
            .withDescription("Where jobs run: local (a cluster inside the client's JVM), process (TaskManagers as"
                    + " local JVMs), yarn-application (a cluster per application on YARN), yarn-session (a running"
                    + " YARN session). 'run -t' sets it.");

    public static final ConfigOption<Boolean> ATTACHED = ConfigOptions.key("execution.attached")
            .booleanType()
            .defaultValue(true)
            .withDescription("Whether the client follows a submitted job until it ends; 'run -d' sets it to false.");

    public static final ConfigOption<Duration> BUFFER_TIMEOUT = ConfigOptions.key("execution.buffer-timeout")
            .durationType()
            .defaultValue(Duration.ofMillis(100))
            .withDescription("Longest time a partly filled network buffer waits before it is sent downstream;"
                    + " '0 ms' sends after every record (lowest latency, lowest throughput).");

    public static final ConfigOption<Duration> AUTO_WATERMARK_INTERVAL = ConfigOptions.key("pipeline.auto-watermark-interval")
            .durationType()
            .defaultValue(Duration.ofMillis(200))
            .withDescription("How often sources with a watermark strategy emit periodic watermarks;"
                    + " '0 ms' disables periodic watermarks.");

    public static final ConfigOption<Boolean> OBJECT_REUSE = ConfigOptions.key("pipeline.object-reuse")
            .booleanType()
            .defaultValue(false)
            .withDescription("Whether chained operators may pass records on without copying them (Flink's object"
                    + " reuse). Recorded for Flink compatibility: chained operators never copy records in Millrace.");

    public static final ConfigOption<String> GLOBAL_JOB_PARAMETERS = ConfigOptions.key("pipeline.global-job-parameters")
            .stringType()
            .checking(v -> {
                KeyValueLists.parse(v);
                return true;
            }, "a list of key:value pairs separated by commas, quoted with \" where they hold , : or \"")
            .noDefaultValue()
            .withDescription("Parameters every function of the job can read with getRuntimeContext()"
                    + ".getGlobalJobParameters(), as key:value pairs separated by commas (quote a key or value that"
                    + " holds a comma, colon or quote with double quotes; double a quote inside quotes)."
                    + " env.getConfig().setGlobalJobParameters(...) sets it.");
}
