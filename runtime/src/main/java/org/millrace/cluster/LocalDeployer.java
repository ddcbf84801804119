package org.millrace.cluster;

import org.millrace.network.ConnectionID;
import org.millrace.network.InJvmPartitionDirectory;
import org.millrace.network.LocalShuffleEnvironment;
import org.millrace.network.NetworkBufferSettings;
import org.millrace.configuration.Configuration;
import org.millrace.taskmanager.ShuffleEnvironmentFactory;
import org.millrace.taskmanager.TaskManagerOptions;

/**
 * {@code execution.target: local}: starts a {@link LocalCluster} in this JVM and returns a client whose
 * {@link ClusterClient#close()} shuts the cluster down. Without {@code taskmanager.numberOfTaskSlots},
 * the local TaskManager gets {@code parallelism.default} slots (or one per core when that is unset
 * too), so a job at default parallelism fits. Stateless; found through {@link java.util.ServiceLoader}.
 */
public final class LocalDeployer implements Deployer {

    @Override
    public String target() {
        return "local";
    }

    @Override
    public ClusterClient deploy(Configuration configuration) {
        Configuration effective = withDefaultSlots(configuration);
        return start(LocalCluster.builder(effective)
                .shuffleEnvironmentFactory(createShuffleEnvironmentFactory(effective))
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

    static Configuration withDefaultSlots(Configuration configuration) {
        Configuration effective = new Configuration(configuration);
        if (!effective.contains(TaskManagerOptions.NUM_TASK_SLOTS)) {
            // "parallelism.default" is read raw: its option belongs to the API's environment
            String parallelism = effective.getString("parallelism.default", null);
            effective.setString(TaskManagerOptions.NUM_TASK_SLOTS.key(),
                    parallelism != null ? parallelism : String.valueOf(Runtime.getRuntime().availableProcessors()));
        }
        return effective;
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
