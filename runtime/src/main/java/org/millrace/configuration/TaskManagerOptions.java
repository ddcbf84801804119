package org.millrace.configuration;

import java.time.Duration;

/** Sizing of a TaskManager: slots and memory. Constants; any thread. */
public final class TaskManagerOptions {

    private TaskManagerOptions() {}

    public static final ConfigOption<Integer> NUM_TASK_SLOTS = ConfigOptions.key("taskmanager.numberOfTaskSlots")
            .intType()
            .checking(n -> n >= 1, "at least 1")
            .defaultValue(1)
            .withDescription("Slots per TaskManager; each slot runs one subtask of each operator chain.");

    public static final ConfigOption<MemorySize> TOTAL_PROCESS_MEMORY = ConfigOptions.key("taskmanager.memory.process.size")
            .memoryType()
            .defaultValue(MemorySize.ofMebiBytes(1728))
            .withDescription("Total memory of a TaskManager process: the size of its YARN container, and of a"
                    + " local TaskManager JVM with '-t process'.");

    public static final ConfigOption<MemorySize> NETWORK_MEMORY_SIZE = ConfigOptions.key("taskmanager.memory.network.size")
            .memoryType()
            .defaultValue(MemorySize.ofMebiBytes(64))
            .withDescription("Memory of a TaskManager set aside for network buffers (data exchange between tasks).");

    public static final ConfigOption<MemorySize> MEMORY_SEGMENT_SIZE = ConfigOptions.key("taskmanager.memory.segment-size")
            .memoryType()
            .checking(s -> s.getBytes() >= 256 && s.getBytes() <= Integer.MAX_VALUE, "between 256 b and 2 gb")
            .defaultValue(MemorySize.ofKibiBytes(32))
            .withDescription("Size of one network buffer: the unit records are serialized into and sent in.");

    public static final ConfigOption<Duration> TASK_CANCELLATION_TIMEOUT = ConfigOptions.key("task.cancellation.timeout")
            .durationType()
            .checking(d -> !d.isNegative() && !d.isZero(), "positive")
            .defaultValue(Duration.ofMinutes(3))
            .withDescription("How long a stopping TaskManager waits for its canceled tasks to end.");

    public static final ConfigOption<String> RPC_BIND_HOST = ConfigOptions.key("taskmanager.rpc.bind-host")
            .stringType()
            .defaultValue("0.0.0.0")
            .withDescription("Address a TaskManager's RPC service listens on; '-t process' binds its TaskManagers to"
                    + " the loopback address.");

    public static final ConfigOption<Integer> RPC_PORT = ConfigOptions.key("taskmanager.rpc.port")
            .intType()
            .checking(p -> p >= 0 && p <= 65535, "between 0 and 65535")
            .defaultValue(0)
            .withDescription("Port of a TaskManager's RPC service (0: any free port).");

    public static final ConfigOption<String> HOST = ConfigOptions.key("taskmanager.host")
            .stringType()
            .noDefaultValue()
            .withDescription("Address other processes reach a TaskManager at (RPC and data); unset: the bind host,"
                    + " or this machine's host name when the bind host is a wildcard.");

    public static final ConfigOption<Duration> REGISTRATION_TIMEOUT = ConfigOptions.key("taskmanager.registration.timeout")
            .durationType()
            .checking(d -> !d.isNegative() && !d.isZero(), "positive")
            .defaultValue(Duration.ofMinutes(5))
            .withDescription("How long a TaskManager process tries to register at its ResourceManager (at start, or"
                    + " after it lost it) before it exits.");

    public static final ConfigOption<String> JVM_OPTIONS = ConfigOptions.key("env.java.opts.taskmanager")
            .stringType()
            .noDefaultValue()
            .withDescription("Extra JVM options of TaskManager processes started with '-t process', split at"
                    + " spaces (e.g. to profile them with Java Flight Recorder).");
}
