package org.millrace.network.partition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.millrace.network.ResultPartitionID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TaskManager's registry of the result partitions its tasks produce. Serves subpartition
 * requests; a request for a partition that is not registered yet waits here and is served when
 * the partition registers, because a consumer task may be deployed and start before its producer.
 *
 * <p>A partition leaves the registry when every subpartition has been consumed (its consumer
 * released its view) or when it is released. Thread-safe: registration from deployment and task
 * threads, requests from consumer task threads (later the Netty server). All maps are guarded by
 * {@link #lock}; views are created outside it, so that partition locks never nest inside it.
 */
public final class ResultPartitionManager implements ResultPartitionProvider {

    private static final Logger LOG = LoggerFactory.getLogger(ResultPartitionManager.class);

    private final Object lock = new Object();

    // @GuardedBy("lock")
    private final Map<ResultPartitionID, ResultPartition> registeredPartitions = new HashMap<>();

    /** Requests for partitions not registered yet, in arrival order. */
    // @GuardedBy("lock")
    private final Map<ResultPartitionID, List<PendingRequest>> pendingRequests = new HashMap<>();

    // @GuardedBy("lock")
    private boolean shutdown;

    private record PendingRequest(int subpartitionIndex, SubpartitionRequestListener listener) {}

    /** Makes {@code partition} requestable and serves requests that waited for it. */
    public void registerResultPartition(ResultPartition partition) {
        List<PendingRequest> waiting;
        synchronized (lock) {
            if (shutdown) {
                throw new IllegalStateException("result partition manager is shut down");
            }
            ResultPartition previous = registeredPartitions.putIfAbsent(partition.getPartitionId(), partition);
            if (previous != null) {
                throw new IllegalStateException("result partition " + partition.getPartitionId() + " is already registered");
            }
            waiting = pendingRequests.remove(partition.getPartitionId());
        }
        LOG.debug("Registered {}; serving {} waiting request(s)", partition, waiting == null ? 0 : waiting.size());
        if (waiting != null) {
            for (PendingRequest request : waiting) {
                createView(partition, request.subpartitionIndex(), request.listener());
            }
        }
    }

    @Override
    public void requestSubpartition(ResultPartitionID partitionId, int subpartitionIndex, SubpartitionRequestListener listener) {
        ResultPartition partition;
        synchronized (lock) {
            if (shutdown) {
                partition = null;
            } else {
                partition = registeredPartitions.get(partitionId);
                if (partition == null) {
                    pendingRequests.computeIfAbsent(partitionId, id -> new ArrayList<>())
                            .add(new PendingRequest(subpartitionIndex, listener));
                    return;
                }
            }
        }
        if (partition == null) {
            listener.onPartitionRequestFailed(new IOException("TaskManager is shutting down; partition " + partitionId
                    + " is not available"));
            return;
        }
        createView(partition, subpartitionIndex, listener);
    }

    @Override
    public void cancelRequest(ResultPartitionID partitionId, int subpartitionIndex, SubpartitionRequestListener listener) {
        synchronized (lock) {
            List<PendingRequest> waiting = pendingRequests.get(partitionId);
            if (waiting != null) {
                waiting.removeIf(r -> r.listener() == listener && r.subpartitionIndex() == subpartitionIndex);
                if (waiting.isEmpty()) {
                    pendingRequests.remove(partitionId);
                }
            }
        }
    }

    private static void createView(ResultPartition partition, int subpartitionIndex, SubpartitionRequestListener listener) {
        ResultSubpartitionView view;
        try {
            view = partition.createSubpartitionView(subpartitionIndex, listener);
        } catch (IOException | RuntimeException e) {
            listener.onPartitionRequestFailed(e);
            return;
        }
        listener.onSubpartitionViewCreated(view);
    }

    /** Releases a registered partition (its consumers fail with {@code cause}); no-op if unknown. */
    public void releasePartition(ResultPartitionID partitionId, Throwable cause) {
        ResultPartition partition;
        synchronized (lock) {
            partition = registeredPartitions.remove(partitionId);
        }
        if (partition != null) {
            partition.release(cause);
        }
    }

    void onConsumedPartition(ResultPartition partition) {
        removePartition(partition);
    }

    void removePartition(ResultPartition partition) {
        synchronized (lock) {
            registeredPartitions.remove(partition.getPartitionId(), partition);
        }
    }

    public boolean isRegistered(ResultPartitionID partitionId) {
        synchronized (lock) {
            return registeredPartitions.containsKey(partitionId);
        }
    }

    public int getNumberOfRegisteredPartitions() {
        synchronized (lock) {
            return registeredPartitions.size();
        }
    }

    public int getNumberOfPendingRequests() {
        synchronized (lock) {
            int n = 0;
            for (List<PendingRequest> waiting : pendingRequests.values()) {
                n += waiting.size();
            }
            return n;
        }
    }

    /** Releases every partition and fails every waiting request. Called when the TaskManager stops. */
    public void shutdown() {
        List<ResultPartition> partitions;
        List<PendingRequest> waiting = new ArrayList<>();
        synchronized (lock) {
            if (shutdown) {
                return;
            }
            shutdown = true;
            partitions = new ArrayList<>(registeredPartitions.values());
            registeredPartitions.clear();
            pendingRequests.values().forEach(waiting::addAll);
            pendingRequests.clear();
        }
        IOException cause = new IOException("TaskManager data plane shut down");
        for (ResultPartition partition : partitions) {
            partition.release(cause);
        }
        for (PendingRequest request : waiting) {
            request.listener().onPartitionRequestFailed(cause);
        }
        LOG.debug("Result partition manager shut down: released {} partition(s), failed {} waiting request(s)",
                partitions.size(), waiting.size());
    }
}
