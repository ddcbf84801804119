package org.millrace.resourcemanager;

import java.io.Serializable;
import org.millrace.api.JobID;

/** One slot as its TaskManager sees it: free (allocation and job null) or allocated to a job. */
public record SlotStatus(SlotID slotId, AllocationID allocationId, JobID jobId) implements Serializable {

    public boolean isFree() {
        return allocationId == null;
    }
}
