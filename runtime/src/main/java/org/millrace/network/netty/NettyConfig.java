package org.millrace.network.netty;

import org.millrace.configuration.Configuration;
import org.millrace.configuration.NetworkOptions;

/**
 * Transport settings of a TaskManager's data plane: the address it serves partitions on (port 0
 * picks a free one; the bound port goes into the environment's
 * {@link org.millrace.network.ConnectionID}) and the event-loop threads of server and client.
 * Immutable.
 */
public record NettyConfig(String host, int port, int serverThreads, int clientThreads) {

    public NettyConfig {
        if (port < 0 || port > 65535 || serverThreads < 1 || clientThreads < 1) {
            throw new IllegalArgumentException("invalid Netty settings: port " + port + ", " + serverThreads
                    + " server / " + clientThreads + " client threads");
        }
    }

    /** From {@code taskmanager.data.port} and {@code taskmanager.network.netty.{server,client}.numThreads}. */
    public static NettyConfig fromConfiguration(String host, Configuration configuration) {
        return new NettyConfig(host, configuration.get(NetworkOptions.DATA_PORT),
                configuration.get(NetworkOptions.NETTY_SERVER_THREADS),
                configuration.get(NetworkOptions.NETTY_CLIENT_THREADS));
    }
}
