package org.millrace.resourcemanager;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.millrace.api.JobID;
import org.millrace.rpc.FencedRpcGateway;

/**
 * The ResourceManager's RPC interface, fenced by its leader session id. TaskExecutors register here;
 * JobMasters get and give back slots.
 */
public interface ResourceManagerGateway extends FencedRpcGateway {

    /** The ResourceManager's id in heartbeats: TaskExecutors accept heartbeat requests from this id. */
    ResourceID RESOURCE_ID = new ResourceID("resourcemanager");

    /** Registers (or re-registers) a TaskExecutor and its slots. */
    CompletableFuture<Void> registerTaskExecutor(TaskExecutorRegistration registration);

    /** A TaskExecutor is going away; its slots are gone. */
    CompletableFuture<Void> disconnectTaskExecutor(ResourceID resourceId, String reason);

    /**
     * Allocates {@code numberOfSlots} slots to the job, all at once (never a part, so two waiting jobs
     * cannot each hold half of what they need). Waits while slots are busy or TaskManagers are starting;
     * fails with {@link NoResourceAvailableException} if the cluster can never have that many or the
     * slot request timeout passes. The list is in slot order: slot i hosts subtask i of every vertex.
     */
    CompletableFuture<List<AllocatedSlot>> requestSlots(JobID jobId, int numberOfSlots);

    /** Frees every slot of the job and withdraws its waiting requests. */
    CompletableFuture<Void> releaseSlots(JobID jobId);

    CompletableFuture<ResourceOverview> requestResourceOverview();

    /** A TaskExecutor's answer to a heartbeat request, with its current slots. */
    void heartbeatFromTaskManager(ResourceID resourceId, SlotReport slotReport);
}
