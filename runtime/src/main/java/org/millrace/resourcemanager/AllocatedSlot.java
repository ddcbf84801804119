package org.millrace.resourcemanager;

import java.io.Serializable;
import org.millrace.network.ConnectionID;

/**
 * A slot the ResourceManager gave a job: where to deploy tasks into it (the TaskExecutor's RPC address)
 * and where consumers reach the partitions its tasks produce (the TaskManager's data connection).
 */
public record AllocatedSlot(
        AllocationID allocationId, SlotID slotId, String taskExecutorAddress, ConnectionID dataConnection)
        implements Serializable {}
