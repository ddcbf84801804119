package org.millrace.resourcemanager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.millrace.api.JobID;
import org.millrace.network.ConnectionID;
import org.millrace.taskmanager.TaskExecutorGateway;

/**
 * The ResourceManager's book of registered TaskManagers and which job holds each slot. Pure
 * bookkeeping, no RPC: the ResourceManager acts on what it returns. Used from the ResourceManager's
 * main thread only.
 */
final class SlotManager {

    /** In registration order, so slots are handed out TaskManager by TaskManager. */
    private final Map<ResourceID, TaskManagerEntry> taskManagers = new LinkedHashMap<>();

    /** A registered TaskManager and its slots. */
    static final class TaskManagerEntry {
        final ResourceID resourceId;
        final String address;
        final ConnectionID dataConnection;
        final TaskExecutorGateway gateway;
        final SlotStatus[] slots;

        TaskManagerEntry(TaskExecutorRegistration registration, TaskExecutorGateway gateway) {
            this.resourceId = registration.resourceId();
            this.address = registration.taskExecutorAddress();
            this.dataConnection = registration.dataConnection();
            this.gateway = gateway;
            List<SlotStatus> reported = registration.slotReport().slots();
            this.slots = new SlotStatus[reported.size()];
            for (SlotStatus s : reported) {
                if (!s.slotId().resourceId().equals(resourceId) || s.slotId().slotNumber() >= slots.length) {
                    throw new IllegalArgumentException("Slot report of " + resourceId + " lists foreign slot " + s.slotId());
                }
                slots[s.slotId().slotNumber()] = s;
            }
            for (int i = 0; i < slots.length; i++) {
                if (slots[i] == null) {
                    throw new IllegalArgumentException("Slot report of " + resourceId + " misses slot " + i);
                }
            }
        }

        boolean holdsSlotsOf(JobID jobId) {
            for (SlotStatus s : slots) {
                if (jobId.equals(s.jobId())) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A slot just allocated, with the TaskExecutor to tell about it. */
    record Allocation(TaskExecutorGateway taskExecutor, AllocatedSlot slot) {}

    void registerTaskManager(TaskExecutorRegistration registration, TaskExecutorGateway gateway) {
        TaskManagerEntry entry = new TaskManagerEntry(registration, gateway);
        if (taskManagers.put(entry.resourceId, entry) != null) {
            throw new IllegalStateException(entry.resourceId + " is already registered");
        }
    }

    boolean isRegistered(ResourceID resourceId) {
        return taskManagers.containsKey(resourceId);
    }

    /** Removes a TaskManager; returns the jobs that held slots on it (empty if it was unknown). */
    Set<JobID> unregisterTaskManager(ResourceID resourceId) {
        TaskManagerEntry entry = taskManagers.remove(resourceId);
        Set<JobID> jobs = new LinkedHashSet<>();
        if (entry != null) {
            for (SlotStatus s : entry.slots) {
                if (!s.isFree()) {
                    jobs.add(s.jobId());
                }
            }
        }
        return jobs;
    }

    /** Allocates {@code n} free slots to the job, or none (null) if fewer are free. */
    List<Allocation> allocate(JobID jobId, int n) {
        if (numberOfFreeSlots() < n) {
            return null;
        }
        List<Allocation> allocations = new ArrayList<>(n);
        for (TaskManagerEntry tm : taskManagers.values()) {
            for (int i = 0; i < tm.slots.length && allocations.size() < n; i++) {
                if (tm.slots[i].isFree()) {
                    AllocationID allocationId = AllocationID.random();
                    tm.slots[i] = new SlotStatus(tm.slots[i].slotId(), allocationId, jobId);
                    allocations.add(new Allocation(
                            tm.gateway, new AllocatedSlot(allocationId, tm.slots[i].slotId(), tm.address, tm.dataConnection)));
                }
            }
        }
        return allocations;
    }

    /** Frees the given allocations (those still held). */
    void free(Collection<AllocationID> allocationIds) {
        for (TaskManagerEntry tm : taskManagers.values()) {
            for (int i = 0; i < tm.slots.length; i++) {
                if (!tm.slots[i].isFree() && allocationIds.contains(tm.slots[i].allocationId())) {
                    tm.slots[i] = new SlotStatus(tm.slots[i].slotId(), null, null);
                }
            }
        }
    }

    /** Frees every slot of the job; returns the TaskExecutors that held any. */
    List<TaskExecutorGateway> release(JobID jobId) {
        List<TaskExecutorGateway> holders = new ArrayList<>();
        for (TaskManagerEntry tm : taskManagers.values()) {
            if (tm.holdsSlotsOf(jobId)) {
                holders.add(tm.gateway);
                for (int i = 0; i < tm.slots.length; i++) {
                    if (jobId.equals(tm.slots[i].jobId())) {
                        tm.slots[i] = new SlotStatus(tm.slots[i].slotId(), null, null);
                    }
                }
            }
        }
        return holders;
    }

    int numberOfTaskManagers() {
        return taskManagers.size();
    }

    int numberOfSlots() {
        int n = 0;
        for (TaskManagerEntry tm : taskManagers.values()) {
            n += tm.slots.length;
        }
        return n;
    }

    int numberOfFreeSlots() {
        int n = 0;
        for (TaskManagerEntry tm : taskManagers.values()) {
            for (SlotStatus s : tm.slots) {
                if (s.isFree()) {
                    n++;
                }
            }
        }
        return n;
    }
}
