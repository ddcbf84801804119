package org.millrace.network.partition;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.millrace.network.NetworkBufferSettings;
import org.millrace.network.ResultPartitionDeploymentDescriptor;
import org.millrace.network.ResultPartitionID;
import org.millrace.network.ResultPartitionWriter;
import org.millrace.network.api.EndOfPartitionEvent;
import org.millrace.network.api.EventSerializer;
import org.millrace.network.api.RuntimeEvent;
import org.millrace.network.buffer.Buffer;
import org.millrace.network.buffer.LocalBufferPool;
import org.millrace.network.buffer.NetworkBufferPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pipelined result partition: one {@link PipelinedSubpartition} per consumer subtask, buffers
 * from its own bounded {@link LocalBufferPool}, registered with its TaskManager's
 * {@link ResultPartitionManager} so that consumers can request subpartitions.
 *
 * <p>Threads: the producing task's thread writes and drives the life cycle (see
 * {@link ResultPartitionWriter}); consumers create and release views from their threads; release
 * may come from any thread (a canceller, the TaskManager shutting down).
 */
public final class ResultPartition implements ResultPartitionWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ResultPartition.class);

    private final String owningTaskName;
    private final ResultPartitionID partitionId;
    private final PipelinedSubpartition[] subpartitions;
    private final LocalBufferPool bufferPool;
    private final ResultPartitionManager partitionManager;

    /** Subpartitions whose consumer has not released its view yet; counted down by consumer threads. */
    private final AtomicInteger numberOfUnconsumedSubpartitions;

    /** Producer thread only. */
    private boolean finished;

    /** Producer thread only. */
    private boolean closed;

    /** Guarded by {@code this} for writes; read without the lock on the per-buffer path. */
    private volatile boolean released;

    /** Written under {@code this} before {@link #released}. */
    private volatile Throwable releaseCause;

    /**
     * Creates a partition with a buffer pool sized for its subpartitions from {@code settings} and
     * registers it with {@code manager}, so consumers can request it.
     */
    public static ResultPartition createAndRegister(
            String ownerTaskName,
            ResultPartitionDeploymentDescriptor descriptor,
            NetworkBufferPool networkBufferPool,
            NetworkBufferSettings settings,
            ResultPartitionManager manager) throws IOException {
        int subpartitions = descriptor.numberOfSubpartitions();
        LocalBufferPool bufferPool = networkBufferPool.createBufferPool(
                settings.minBuffersPerPartition(subpartitions), settings.maxBuffersPerPartition(subpartitions));
        ResultPartition partition = new ResultPartition(ownerTaskName, descriptor.partitionId(), subpartitions, bufferPool, manager);
        try {
            manager.registerResultPartition(partition);
        } catch (RuntimeException e) {
            bufferPool.lazyDestroy();
            throw e;
        }
        return partition;
    }

    public ResultPartition(
            String owningTaskName,
            ResultPartitionID partitionId,
            int numberOfSubpartitions,
            LocalBufferPool bufferPool,
            ResultPartitionManager partitionManager) {
        if (numberOfSubpartitions < 1) {
            throw new IllegalArgumentException("a partition needs at least one subpartition");
        }
        this.owningTaskName = owningTaskName;
        this.partitionId = partitionId;
        this.bufferPool = bufferPool;
        this.partitionManager = partitionManager;
        this.subpartitions = new PipelinedSubpartition[numberOfSubpartitions];
        for (int i = 0; i < numberOfSubpartitions; i++) {
            subpartitions[i] = new PipelinedSubpartition(this, i);
        }
        this.numberOfUnconsumedSubpartitions = new AtomicInteger(numberOfSubpartitions);
    }

    @Override
    public ResultPartitionID getPartitionId() {
        return partitionId;
    }

    @Override
    public int getNumberOfSubpartitions() {
        return subpartitions.length;
    }

    public String getOwningTaskName() {
        return owningTaskName;
    }

    public LocalBufferPool getBufferPool() {
        return bufferPool;
    }

    // ------------------------------------------------------------------------
    //  Produce (producer task thread)
    // ------------------------------------------------------------------------

    @Override
    public int getBufferSize() {
        return bufferPool.getBufferSize();
    }

    @Override
    public Buffer requestBuffer() {
        return bufferPool.requestBuffer();
    }

    @Override
    public Buffer requestBufferBlocking() throws InterruptedException {
        return bufferPool.requestBufferBlocking();
    }

    @Override
    public void addBuffer(Buffer buffer, int subpartition) throws IOException {
        if (released) {
            buffer.recycleBuffer();
            throw new PartitionReleasedException(partitionId, releaseCause);
        }
        if (finished) {
            buffer.recycleBuffer();
            throw new IllegalStateException("partition " + partitionId + " is already finished");
        }
        subpartitions[subpartition].add(buffer, false);
    }

    @Override
    public void broadcastEvent(RuntimeEvent event) throws IOException {
        checkInProduceState();
        for (PipelinedSubpartition subpartition : subpartitions) {
            subpartition.add(EventSerializer.toBuffer(event), event instanceof EndOfPartitionEvent);
        }
    }

    @Override
    public boolean isAvailable() {
        return bufferPool.isAvailable();
    }

    @Override
    public CompletableFuture<Void> getAvailableFuture() {
        return bufferPool.getAvailableFuture();
    }

    @Override
    public void finish() throws IOException {
        checkInProduceState();
        broadcastEvent(EndOfPartitionEvent.INSTANCE);
        finished = true;
        LOG.debug("{}: finished partition {}", owningTaskName, partitionId);
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    private void checkInProduceState() throws PartitionReleasedException {
        if (released) {
            throw new PartitionReleasedException(partitionId, releaseCause);
        }
        if (finished) {
            throw new IllegalStateException("partition " + partitionId + " is already finished");
        }
    }

    // ------------------------------------------------------------------------
    //  Consume (consumer threads, through the manager)
    // ------------------------------------------------------------------------

    /** Creates the read view of one subpartition; {@code listener} hears about its data from now on. */
    public ResultSubpartitionView createSubpartitionView(int subpartitionIndex, BufferAvailabilityListener listener)
            throws IOException {
        if (subpartitionIndex < 0 || subpartitionIndex >= subpartitions.length) {
            throw new IllegalArgumentException("subpartition " + subpartitionIndex + " of " + partitionId
                    + " does not exist (" + subpartitions.length + " subpartitions)");
        }
        if (released) {
            throw new PartitionReleasedException(partitionId, releaseCause);
        }
        return subpartitions[subpartitionIndex].createReadView(listener);
    }

    void onConsumedSubpartition() {
        if (numberOfUnconsumedSubpartitions.decrementAndGet() == 0) {
            LOG.debug("{}: all subpartitions of {} consumed", owningTaskName, partitionId);
            partitionManager.onConsumedPartition(this);
        }
    }

    /** Queued buffers and events of one subpartition (for tests and metrics). */
    public int getNumberOfQueuedBuffers(int subpartitionIndex) {
        return subpartitions[subpartitionIndex].getNumberOfQueuedBuffers();
    }

    // ------------------------------------------------------------------------
    //  Life cycle
    // ------------------------------------------------------------------------

    @Override
    public void fail(Throwable cause) {
        release(cause);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!finished) {
            release(new IllegalStateException(
                    "producer " + owningTaskName + " closed partition " + partitionId + " without finishing it"));
        }
        // Buffers still queued for consumers return to the network pool as they are recycled.
        bufferPool.lazyDestroy();
    }

    /**
     * Drops all queued data, wakes consumers (they fail with {@code cause}) and a producer blocked
     * on a buffer, and unregisters the partition. Idempotent; any thread.
     */
    public void release(Throwable cause) {
        synchronized (this) {
            if (released) {
                return;
            }
            releaseCause = cause;
            released = true;
        }
        LOG.debug("{}: releasing partition {}", owningTaskName, partitionId, cause);
        // Destroy the pool before dropping the queued buffers: otherwise a producer waiting for a
        // buffer would be handed a dropped one and write on, instead of waking up to the release.
        bufferPool.lazyDestroy();
        for (PipelinedSubpartition subpartition : subpartitions) {
            subpartition.release(cause);
        }
        partitionManager.removePartition(this);
    }

    @Override
    public boolean isReleased() {
        return released;
    }

    public Throwable getReleaseCause() {
        return releaseCause;
    }

    @Override
    public String toString() {
        return "ResultPartition " + partitionId + " [" + subpartitions.length + " subpartitions] of " + owningTaskName;
    }
}
