package org.millrace.taskmanager;

import java.util.List;
import org.millrace.api.JobID;
import org.millrace.resourcemanager.AllocationID;
import org.millrace.resourcemanager.ResourceID;
import org.millrace.resourcemanager.SlotID;
import org.millrace.resourcemanager.SlotReport;
import org.millrace.resourcemanager.SlotStatus;

/** A TaskExecutor's slots and the jobs they are allocated to. Used from the TaskExecutor's main thread only. */
final class TaskSlotTable {

    private final SlotStatus[] slots;

    TaskSlotTable(ResourceID resourceId, int numberOfSlots) {
        slots = new SlotStatus[numberOfSlots];
        for (int i = 0; i < numberOfSlots; i++) {
            slots[i] = new SlotStatus(new SlotID(resourceId, i), null, null);
        }
    }

    /** Allocates the slot; repeating the same allocation is a no-op. */
    void allocate(SlotID slotId, JobID jobId, AllocationID allocationId) {
        int i = slotId.slotNumber();
        if (!slotId.resourceId().equals(slots[0].slotId().resourceId()) || i < 0 || i >= slots.length) {
            throw new IllegalArgumentException("No slot " + slotId + " on this TaskManager");
        }
        SlotStatus current = slots[i];
        if (!current.isFree() && !current.allocationId().equals(allocationId)) {
            throw new IllegalStateException("Slot " + slotId + " is allocated to job " + current.jobId());
        }
        slots[i] = new SlotStatus(slotId, allocationId, jobId);
    }

    /** The job the allocation belongs to, or null if no slot is allocated under it. */
    JobID jobOf(AllocationID allocationId) {
        for (SlotStatus s : slots) {
            if (allocationId.equals(s.allocationId())) {
                return s.jobId();
            }
        }
        return null;
    }

    boolean hasSlotsOf(JobID jobId) {
        for (SlotStatus s : slots) {
            if (jobId.equals(s.jobId())) {
                return true;
            }
        }
        return false;
    }

    void freeSlotsOf(JobID jobId) {
        for (int i = 0; i < slots.length; i++) {
            if (jobId.equals(slots[i].jobId())) {
                slots[i] = new SlotStatus(slots[i].slotId(), null, null);
            }
        }
    }

    SlotReport createSlotReport() {
        return new SlotReport(List.of(slots));
    }
}
