package org.millrace.network.partition;

import java.io.IOException;
import org.millrace.network.ResultPartitionID;

/**
 * A consumer read from, or a producer wrote to, a partition that was released before the consumer
 * got its end-of-partition: the producer failed or was cancelled, or its TaskManager shut down.
 */
public final class PartitionReleasedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final ResultPartitionID partitionId;

    public PartitionReleasedException(ResultPartitionID partitionId, Throwable cause) {
        super("Partition " + partitionId + " was released" + (cause == null ? "" : ": " + cause), cause);
        this.partitionId = partitionId;
    }

    public ResultPartitionID getPartitionId() {
        return partitionId;
    }
}
