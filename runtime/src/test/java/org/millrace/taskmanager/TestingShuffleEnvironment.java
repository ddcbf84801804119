package org.millrace.taskmanager;

import org.millrace.network.ConnectionID;
import org.millrace.network.InputGate;
import org.millrace.network.InputGateDeploymentDescriptor;
import org.millrace.network.ResultPartitionDeploymentDescriptor;
import org.millrace.network.ResultPartitionWriter;
import org.millrace.network.ShuffleEnvironment;
import org.millrace.resourcemanager.ResourceID;

/** A data plane that only has an address: the fake tasks exchange no data. Thread-safe (immutable but for the closed flag). */
public final class TestingShuffleEnvironment implements ShuffleEnvironment {

    private final ConnectionID connectionId;
    private volatile boolean closed;

    public TestingShuffleEnvironment(ResourceID taskManagerId) {
        this.connectionId = new ConnectionID(taskManagerId.value(), "localhost", 0);
    }

    @Override
    public ConnectionID getConnectionId() {
        return connectionId;
    }

    @Override
    public ResultPartitionWriter createResultPartition(String ownerTaskName, ResultPartitionDeploymentDescriptor descriptor) {
        throw new UnsupportedOperationException("fake data plane");
    }

    @Override
    public InputGate createInputGate(String ownerTaskName, InputGateDeploymentDescriptor descriptor) {
        throw new UnsupportedOperationException("fake data plane");
    }

    @Override
    public void close() {
        closed = true;
    }

    public boolean isClosed() {
        return closed;
    }
}
