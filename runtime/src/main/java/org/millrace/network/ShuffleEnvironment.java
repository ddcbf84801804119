package org.millrace.network;

import java.io.IOException;

/**
 * A TaskManager's data plane: creates the result partitions its tasks write and the input gates
 * they read, owns the network buffer pool, and serves its partitions to consumers (on the same
 * TaskManager through memory, on others through the network).
 *
 * <p>Called by the TaskManager's deployment code and by task threads while they set up.
 */
public interface ShuffleEnvironment extends AutoCloseable {

    /** Where consumers on other TaskManagers reach this one's partitions. */
    ConnectionID getConnectionId();

    /** Creates and registers a result partition so that consumers can request its subpartitions. */
    ResultPartitionWriter createResultPartition(String ownerTaskName, ResultPartitionDeploymentDescriptor descriptor)
            throws IOException;

    /** Creates an input gate reading the given producer subpartitions. */
    InputGate createInputGate(String ownerTaskName, InputGateDeploymentDescriptor descriptor) throws IOException;

    @Override
    void close();
}
