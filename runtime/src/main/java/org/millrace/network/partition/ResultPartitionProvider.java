package org.millrace.network.partition;

import org.millrace.network.ResultPartitionID;

/**
 * Serves subpartition requests: the {@link ResultPartitionManager} of a TaskManager, reached
 * directly by local channels (and, later, by the Netty server on behalf of remote consumers).
 * Thread-safe.
 */
public interface ResultPartitionProvider {

    /**
     * Requests subpartition {@code subpartitionIndex} of {@code partitionId} for {@code listener};
     * if the partition is not registered yet, the request waits for it. Never blocks.
     */
    void requestSubpartition(ResultPartitionID partitionId, int subpartitionIndex, SubpartitionRequestListener listener);

    /** Withdraws a request that is still waiting for its partition (no-op otherwise). */
    void cancelRequest(ResultPartitionID partitionId, int subpartitionIndex, SubpartitionRequestListener listener);
}
