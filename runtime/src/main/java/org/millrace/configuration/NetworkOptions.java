package org.millrace.configuration;

/** Credit-based flow control: how many network buffers each input channel and gate gets. Constants; any thread. */
public final class NetworkOptions {

    private NetworkOptions() {}

    public static final ConfigOption<Integer> NETWORK_BUFFERS_PER_CHANNEL =
            ConfigOptions.key("taskmanager.network.memory.buffers-per-channel")
                    .intType()
                    .checking(n -> n >= 0, "at least 0")
                    .defaultValue(2)
                    .withDescription("Exclusive buffers (initial credit) of each input channel.");

    public static final ConfigOption<Integer> NETWORK_FLOATING_BUFFERS_PER_GATE =
            ConfigOptions.key("taskmanager.network.memory.floating-buffers-per-gate")
                    .intType()
                    .checking(n -> n >= 0, "at least 0")
                    .defaultValue(8)
                    .withDescription("Buffers an input gate shares among its channels on top of the exclusive ones,"
                            + " for channels with a backlog.");

    public static final ConfigOption<Integer> DATA_PORT =
            ConfigOptions.key("taskmanager.data.port")
                    .intType()
                    .checking(n -> n >= 0 && n <= 65535, "a port, or 0 for an ephemeral one")
                    .defaultValue(0)
                    .withDescription("Port the TaskManager serves its result partitions on (0: any free port).");

    public static final ConfigOption<Integer> NETTY_SERVER_THREADS =
            ConfigOptions.key("taskmanager.network.netty.server.numThreads")
                    .intType()
                    .checking(n -> n >= 1, "at least 1")
                    .defaultValue(1)
                    .withDescription("Netty event-loop threads serving this TaskManager's partitions.");

    public static final ConfigOption<Integer> NETTY_CLIENT_THREADS =
            ConfigOptions.key("taskmanager.network.netty.client.numThreads")
                    .intType()
                    .checking(n -> n >= 1, "at least 1")
                    .defaultValue(1)
                    .withDescription("Netty event-loop threads of the connections to other TaskManagers.");
}
