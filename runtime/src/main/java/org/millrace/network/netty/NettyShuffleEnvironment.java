package org.millrace.network.netty;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.millrace.configuration.Configuration;
import org.millrace.network.ConnectionID;
import org.millrace.network.InputChannelDeploymentDescriptor;
import org.millrace.network.InputGateDeploymentDescriptor;
import org.millrace.network.NetworkBufferSettings;
import org.millrace.network.ResultPartitionDeploymentDescriptor;
import org.millrace.network.ResultPartitionID;
import org.millrace.network.ShuffleEnvironment;
import org.millrace.network.buffer.NetworkBufferPool;
import org.millrace.network.consumer.LocalInputChannel;
import org.millrace.network.consumer.RemoteInputChannel;
import org.millrace.network.consumer.SingleInputGate;
import org.millrace.network.partition.ResultPartition;
import org.millrace.network.partition.ResultPartitionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TaskManager's data plane over TCP: the network buffer pool, the partition manager, a Netty
 * server that serves this TaskManager's partitions, and a client with one connection per producer
 * TaskManager. Input channels to producers on this TaskManager read through memory
 * ({@link LocalInputChannel}, no socket); all others are credit-based {@link RemoteInputChannel}s.
 * Each gate with remote channels gets a pool of {@code remoteChannels * buffersPerChannel +
 * floatingBuffersPerGate} buffers, reserved when the gate is created.
 *
 * <p>Threads: created and closed by the TaskManager; {@link #createResultPartition} and
 * {@link #createInputGate} are called by deployment code and task threads, concurrently. The
 * transport runs on its own Netty event-loop threads.
 */
public final class NettyShuffleEnvironment implements ShuffleEnvironment {

    private static final Logger LOG = LoggerFactory.getLogger(NettyShuffleEnvironment.class);

    /** Room for error messages and headers beyond one segment. */
    private static final int FRAME_OVERHEAD = 64 * 1024;

    /** How long a new gate waits for its reserved segments to come back from other pools' overdraft. */
    private static final Duration EXCLUSIVE_BUFFERS_TIMEOUT = Duration.ofSeconds(30);

    private final NetworkBufferSettings settings;
    private final NetworkBufferPool networkBufferPool;
    private final ResultPartitionManager partitionManager = new ResultPartitionManager();
    private final NettyServer server;
    private final NettyConnectionManager connectionManager;
    private final ConnectionID connectionId;

    /** Guarded by {@code this}. */
    private boolean closed;

    /**
     * Allocates the network buffers and starts serving on {@code nettyConfig}'s address; the bound
     * port (an ephemeral one for port 0) is in {@link #getConnectionId()}.
     */
    public NettyShuffleEnvironment(String taskManagerId, NettyConfig nettyConfig, NetworkBufferSettings settings)
            throws IOException {
        this.settings = settings;
        this.networkBufferPool = new NetworkBufferPool(settings.numberOfBuffers(), settings.segmentSize());
        int maxFrameLength = settings.segmentSize() + FRAME_OVERHEAD;
        this.server = new NettyServer(nettyConfig, partitionManager, maxFrameLength);
        try {
            this.connectionManager = new NettyConnectionManager(nettyConfig.clientThreads(), maxFrameLength);
        } catch (RuntimeException e) {
            server.shutdown();
            throw e;
        }
        this.connectionId = new ConnectionID(taskManagerId, nettyConfig.host(), server.getPort());
    }

    /** From the TaskManager's configuration: network memory and buffers, data port and Netty threads. */
    public static NettyShuffleEnvironment fromConfiguration(String taskManagerId, String host, Configuration configuration)
            throws IOException {
        return new NettyShuffleEnvironment(taskManagerId, NettyConfig.fromConfiguration(host, configuration),
                NetworkBufferSettings.fromConfiguration(configuration));
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

    // ------------------------------------------------------------------------
    //  Producer side
    // ------------------------------------------------------------------------

    @Override
    public ResultPartition createResultPartition(String ownerTaskName, ResultPartitionDeploymentDescriptor descriptor)
            throws IOException {
        checkNotClosed();
        return ResultPartition.createAndRegister(ownerTaskName, descriptor, networkBufferPool, settings, partitionManager);
    }

    /** Releases partitions of this TaskManager (their consumers fail with {@code cause}), e.g. when a job ends. */
    public void releasePartitions(Collection<ResultPartitionID> partitionIds, Throwable cause) {
        for (ResultPartitionID id : partitionIds) {
            partitionManager.releasePartition(id, cause);
        }
    }

    // ------------------------------------------------------------------------
    //  Consumer side
    // ------------------------------------------------------------------------

    @Override
    public SingleInputGate createInputGate(String ownerTaskName, InputGateDeploymentDescriptor descriptor) throws IOException {
        checkNotClosed();
        List<InputChannelDeploymentDescriptor> channels = descriptor.channels();
        int subpartition = descriptor.consumedSubpartitionIndex();
        SingleInputGate gate = new SingleInputGate(ownerTaskName, descriptor.consumedDataSet(), subpartition, channels.size());
        int remoteChannels = 0;
        for (InputChannelDeploymentDescriptor channel : channels) {
            remoteChannels += isLocal(channel) ? 0 : 1;
        }
        if (remoteChannels == 0) {
            for (int i = 0; i < channels.size(); i++) {
                gate.setInputChannel(new LocalInputChannel(gate, i, channels.get(i).partitionId(), subpartition,
                        partitionManager));
            }
            return gate;
        }
        // Credit needs at least one buffer per channel: a channel without credit never hears of the sender's backlog.
        int exclusive = Math.max(1, settings.buffersPerChannel());
        int poolSize = remoteChannels * exclusive + settings.floatingBuffersPerGate();
        gate.setBufferPool(networkBufferPool.createBufferPool(poolSize, poolSize));
        List<RemoteInputChannel> remote = new ArrayList<>(remoteChannels);
        for (int i = 0; i < channels.size(); i++) {
            InputChannelDeploymentDescriptor channel = channels.get(i);
            if (isLocal(channel)) {
                gate.setInputChannel(new LocalInputChannel(gate, i, channel.partitionId(), subpartition, partitionManager));
            } else {
                RemoteInputChannel remoteChannel = new RemoteInputChannel(gate, i, channel.partitionId(), subpartition,
                        channel.producerLocation(), connectionManager, exclusive);
                gate.setInputChannel(remoteChannel);
                remote.add(remoteChannel);
            }
        }
        try {
            for (RemoteInputChannel channel : remote) {
                channel.assignExclusiveSegments(EXCLUSIVE_BUFFERS_TIMEOUT);
            }
        } catch (IOException e) {
            gate.close();
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            gate.close();
            throw new InterruptedIOException("interrupted while assigning exclusive buffers to " + ownerTaskName);
        }
        return gate;
    }

    private boolean isLocal(InputChannelDeploymentDescriptor channel) throws IOException {
        ConnectionID location = channel.producerLocation();
        if (location == null) {
            throw new IOException("input channel without a producer location");
        }
        return location.taskManagerId().equals(connectionId.taskManagerId());
    }

    // ------------------------------------------------------------------------
    //  Inspection and life cycle
    // ------------------------------------------------------------------------

    /** Connections other TaskManagers have opened to this one's server, ever. */
    public int getNumberOfAcceptedConnections() {
        return server.getNumberOfAcceptedConnections();
    }

    /** Open connections from this TaskManager to producer TaskManagers. */
    public int getNumberOfOutgoingConnections() {
        return connectionManager.getNumberOfConnections();
    }

    private synchronized void checkNotClosed() {
        if (closed) {
            throw new IllegalStateException("shuffle environment of " + connectionId.taskManagerId() + " is closed");
        }
    }

    /**
     * Releases all partitions (remote consumers get an error), closes the connections and the server,
     * and frees the network buffers. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        // Partitions first, so that connected consumers hear why before their connections close.
        partitionManager.shutdown();
        connectionManager.shutdown();
        server.shutdown();
        networkBufferPool.destroy();
        LOG.debug("Shuffle environment of {} closed", connectionId.taskManagerId());
    }
}
