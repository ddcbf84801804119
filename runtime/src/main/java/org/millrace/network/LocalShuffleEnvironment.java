package org.millrace.network;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.millrace.network.buffer.NetworkBufferPool;
import org.millrace.network.consumer.LocalInputChannel;
import org.millrace.network.consumer.SingleInputGate;
import org.millrace.network.partition.ResultPartition;
import org.millrace.network.partition.ResultPartitionManager;
import org.millrace.network.partition.ResultPartitionProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TaskManager's data plane without a network transport: the network buffer pool, the partition
 * manager, and input gates whose channels read producers on this TaskManager, or on another
 * TaskManager of the same JVM found through the {@link InJvmPartitionDirectory}, through memory.
 * A Netty-based environment will differ only in how channels to other processes are made.
 *
 * <p>Threads: created and closed by the TaskManager; {@link #createResultPartition} and
 * {@link #createInputGate} are called by deployment code and task threads, concurrently.
 */
public final class LocalShuffleEnvironment implements ShuffleEnvironment {

    private static final Logger LOG = LoggerFactory.getLogger(LocalShuffleEnvironment.class);

    private final ConnectionID connectionId;
    private final NetworkBufferSettings settings;
    private final InJvmPartitionDirectory directory;
    private final NetworkBufferPool networkBufferPool;
    private final ResultPartitionManager partitionManager = new ResultPartitionManager();

    /** Guarded by {@code this}. */
    private boolean closed;

    /**
     * Allocates the network buffers and, if {@code directory} is not null, makes this TaskManager's
     * partitions reachable from other TaskManagers of the JVM under {@code connectionId.taskManagerId()}.
     */
    public LocalShuffleEnvironment(ConnectionID connectionId, NetworkBufferSettings settings, InJvmPartitionDirectory directory) {
        this.connectionId = connectionId;
        this.settings = settings;
        this.directory = directory;
        this.networkBufferPool = new NetworkBufferPool(settings.numberOfBuffers(), settings.segmentSize());
        if (directory != null) {
            directory.register(connectionId.taskManagerId(), partitionManager);
        }
    }

    @Override
    public ConnectionID getConnectionId() {
        return connectionId;
    }

    public NetworkBufferSettings getSettings() {
        return settings;
    }

    public NetworkBufferPool getNetworkBufferPool() {
        return networkBufferPool;
    }

    public ResultPartitionManager getResultPartitionManager() {
        return partitionManager;
    }

    @Override
    public ResultPartition createResultPartition(String ownerTaskName, ResultPartitionDeploymentDescriptor descriptor)
            throws IOException {
        checkNotClosed();
        return ResultPartition.createAndRegister(ownerTaskName, descriptor, networkBufferPool, settings, partitionManager);
    }

    @Override
    public SingleInputGate createInputGate(String ownerTaskName, InputGateDeploymentDescriptor descriptor) throws IOException {
        checkNotClosed();
        List<InputChannelDeploymentDescriptor> channels = descriptor.channels();
        SingleInputGate gate = new SingleInputGate(
                ownerTaskName, descriptor.consumedDataSet(), descriptor.consumedSubpartitionIndex(), channels.size());
        for (int i = 0; i < channels.size(); i++) {
            InputChannelDeploymentDescriptor channel = channels.get(i);
            gate.setInputChannel(new LocalInputChannel(gate, i, channel.partitionId(),
                    descriptor.consumedSubpartitionIndex(), providerFor(channel.producerLocation())));
        }
        return gate;
    }

    private ResultPartitionProvider providerFor(ConnectionID producerLocation) throws IOException {
        if (producerLocation == null) {
            throw new IOException("input channel without a producer location");
        }
        if (producerLocation.taskManagerId().equals(connectionId.taskManagerId())) {
            return partitionManager;
        }
        ResultPartitionProvider provider = directory == null ? null : directory.lookup(producerLocation.taskManagerId());
        if (provider == null) {
            throw new IOException("Producer TaskManager " + producerLocation.taskManagerId() + " at "
                    + producerLocation.host() + ":" + producerLocation.dataPort()
                    + " is not in this JVM, and this data plane has no network transport");
        }
        return provider;
    }

    /** Releases partitions of this TaskManager (their consumers fail with {@code cause}), e.g. when a job ends. */
    public void releasePartitions(Collection<ResultPartitionID> partitionIds, Throwable cause) {
        for (ResultPartitionID id : partitionIds) {
            partitionManager.releasePartition(id, cause);
        }
    }

    private synchronized void checkNotClosed() {
        if (closed) {
            throw new IllegalStateException("shuffle environment of " + connectionId.taskManagerId() + " is closed");
        }
    }

    /** Releases all partitions, leaves the in-JVM directory and frees the network buffers. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (directory != null) {
            directory.unregister(connectionId.taskManagerId(), partitionManager);
        }
        partitionManager.shutdown();
        networkBufferPool.destroy();
        LOG.debug("Shuffle environment of {} closed", connectionId.taskManagerId());
    }
}
