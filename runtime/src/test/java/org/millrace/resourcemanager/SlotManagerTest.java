package org.millrace.resourcemanager;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.millrace.api.JobID;
import org.millrace.graph.ExecutionAttemptID;
import org.millrace.jobmaster.JobMasterGateway;
import org.millrace.network.ConnectionID;
import org.millrace.task.TaskDeploymentDescriptor;
import org.millrace.taskmanager.TaskExecutorGateway;

class SlotManagerTest {

    private final SlotManager slotManager = new SlotManager();

    /** Only an address; the SlotManager never calls it. */
    private record TestingTaskExecutorGateway(String getAddress) implements TaskExecutorGateway {
        @Override
        public CompletableFuture<Void> requestSlot(SlotID slotId, JobID jobId, AllocationID allocationId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Void> submitTask(TaskDeploymentDescriptor d, AllocationID a, JobMasterGateway jm) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Void> cancelTask(ExecutionAttemptID executionId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Void> freeSlots(JobID jobId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<java.util.List<org.millrace.task.TaskIOReport>> requestTaskIOMetrics(JobID jobId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void heartbeatFromResourceManager(ResourceID resourceManagerId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void heartbeatFromJobManager(ResourceID jobManagerId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void triggerCheckpoint(org.millrace.graph.ExecutionAttemptID executionId,
                org.millrace.network.api.CheckpointBarrier barrier) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void notifyCheckpointComplete(org.millrace.graph.ExecutionAttemptID executionId, long checkpointId) {
            throw new UnsupportedOperationException();
        }
    }

    private TaskExecutorGateway register(String id, int slots) {
        ResourceID resourceId = new ResourceID(id);
        List<SlotStatus> free = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            free.add(new SlotStatus(new SlotID(resourceId, i), null, null));
        }
        TaskExecutorGateway gateway = new TestingTaskExecutorGateway("local://" + id);
        slotManager.registerTaskManager(new TaskExecutorRegistration(
                resourceId, "local://" + id, new ConnectionID(id, "localhost", 0), new SlotReport(free)), gateway);
        return gateway;
    }

    @Test
    void when_enoughSlotsAreFree_then_allAreAllocatedTaskManagerByTaskManager() {
        register("tm-1", 2);
        register("tm-2", 2);
        JobID job = JobID.generate();

        List<SlotManager.Allocation> allocations = slotManager.allocate(job, 3);

        assertThat(allocations).extracting(a -> a.slot().slotId().toString()).containsExactly("tm-1/0", "tm-1/1", "tm-2/0");
        assertThat(allocations).extracting(a -> a.slot().dataConnection().taskManagerId()).containsExactly("tm-1", "tm-1", "tm-2");
        assertThat(allocations).extracting(a -> a.slot().allocationId()).doesNotHaveDuplicates();
        assertThat(slotManager.numberOfFreeSlots()).isEqualTo(1);
    }

    @Test
    void when_tooFewSlotsAreFree_then_noneIsAllocated() {
        register("tm-1", 2);
        slotManager.allocate(JobID.generate(), 1);

        assertThat(slotManager.allocate(JobID.generate(), 2)).isNull();
        assertThat(slotManager.numberOfFreeSlots()).isEqualTo(1);
    }

    @Test
    void when_jobReleasesItsSlots_then_theyAreFree_andTheHoldersAreNamed() {
        TaskExecutorGateway first = register("tm-1", 1);
        TaskExecutorGateway second = register("tm-2", 2);
        JobID job = JobID.generate();
        JobID other = JobID.generate();
        slotManager.allocate(job, 2);
        slotManager.allocate(other, 1);

        assertThat(slotManager.release(job)).containsExactly(first, second);
        assertThat(slotManager.numberOfFreeSlots()).isEqualTo(2);
        assertThat(slotManager.unregisterTaskManager(new ResourceID("tm-2"))).containsExactly(other);
        assertThat(slotManager.numberOfSlots()).isEqualTo(1);
    }
}
