package org.millrace.cluster;

import org.millrace.configuration.Configuration;
import org.millrace.network.ConnectionID;
import org.millrace.network.InJvmPartitionDirectory;
import org.millrace.network.LocalShuffleEnvironment;
import org.millrace.network.NetworkBufferSettings;
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
        InJvmPartitionDirectory directory = new InJvmPartitionDirectory();
        NetworkBufferSettings settings = NetworkBufferSettings.fromConfiguration(configuration);
        return id -> new LocalShuffleEnvironment(new ConnectionID(id.value(), "localhost", -1), settings, directory);
    }
}
