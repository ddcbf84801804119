package org.millrace.cluster;

import org.millrace.configuration.Configuration;
import org.millrace.configuration.LocalClusterOptions;
import org.millrace.network.ConnectionID;
import org.millrace.network.InJvmPartitionDirectory;
import org.millrace.network.LocalShuffleEnvironment;
import org.millrace.network.NetworkBufferSettings;
import org.millrace.network.netty.NettyShuffleEnvironment;
import org.millrace.taskmanager.ShuffleEnvironmentFactory;

/**
 * {@code execution.target: local}: starts a {@link LocalCluster} in this JVM and returns a client whose
 * {@link ClusterClient#close()} shuts the cluster down (the environment sizes the slots for the job
 * unless {@code taskmanager.numberOfTaskSlots} is set). Stateless; found through {@link java.util.ServiceLoader}.
 */
public final class LocalDeployer implements Deployer {

    @Override
    public String target() {
        return "local";
    }

    @Override
    public ClusterClient deploy(Configuration configuration) {
        return start(LocalCluster.builder(configuration)
                .shuffleEnvironmentFactory(createShuffleEnvironmentFactory(configuration))
                .build());
    }

    /** Starts {@code cluster} and wraps it in a client that closes it. */
    static ClusterClient start(LocalCluster cluster) {
        try {
            cluster.start();
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return new DispatcherClusterClient(cluster.getDispatcherGateway(), cluster);
    }

    /**
     * THE place where the local cluster gets its data plane: one factory per cluster, since its
     * TaskManagers find each other's partitions through a shared in-JVM directory.
     */
    static ShuffleEnvironmentFactory createShuffleEnvironmentFactory(Configuration configuration) {
        if (configuration.get(LocalClusterOptions.NUM_TASK_MANAGERS) > 1) {
            // several TaskManagers: what crosses between them goes over loopback sockets, as it
            // would between containers; within one TaskManager channels still skip the socket
            return id -> NettyShuffleEnvironment.fromConfiguration(id.value(), "localhost", configuration);
        }
        InJvmPartitionDirectory directory = new InJvmPartitionDirectory();
        NetworkBufferSettings settings = NetworkBufferSettings.fromConfiguration(configuration);
        return id -> new LocalShuffleEnvironment(new ConnectionID(id.value(), "localhost", -1), settings, directory);
    }
}
