package org.millrace.resourcemanager;

import org.millrace.configuration.JobManagerOptions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import org.millrace.api.JobID;
import org.millrace.configuration.HeartbeatManagerOptions;
import org.millrace.heartbeat.HeartbeatListener;
import org.millrace.heartbeat.HeartbeatManager;
import org.millrace.heartbeat.HeartbeatTarget;
import org.millrace.ha.LeaderContender;
import org.millrace.ha.LeaderElection;
import org.millrace.rpc.FencedRpcEndpoint;
import org.millrace.rpc.RpcService;
import org.millrace.taskmanager.TaskExecutorGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks the TaskManagers and their slots, hands slots to jobs (all of a job's slots at once, first
 * come first served), and asks its {@link ResourceDriver} for TaskManagers when slots are short.
 *
 * <p>Main thread {@code millrace-resourcemanager}: every field below is touched by it only. Leader
 * callbacks and driver events arrive on other threads and hop onto it.
 */
public final class ResourceManager extends FencedRpcEndpoint implements ResourceManagerGateway {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceManager.class);

    private final LeaderElection leaderElection;
    private final ResourceDriver driver;
    private final Duration slotRequestTimeout;
    private final SlotManager slotManager = new SlotManager();
    /** Slot requests waiting, oldest first: only the head is served, so big jobs are not starved. */
    private final ArrayDeque<PendingSlotRequest> pendingRequests = new ArrayDeque<>();
    /** Started by the driver but not registered yet. */
    private final Set<ResourceID> startingTaskManagers = new HashSet<>();
    /** Requested from the driver but not reported started yet. */
    private int requestedTaskManagers;
    private boolean driverInitialized;
    private final Duration heartbeatInterval;
    private final Duration heartbeatTimeout;
    /** Asks registered TaskExecutors for heartbeats; created in onStart. */
    private HeartbeatManager<SlotReport, Void> taskManagerHeartbeats;

    /** With the default heartbeat interval and timeout. */
    public ResourceManager(
            RpcService rpcService, LeaderElection leaderElection, ResourceDriver driver, Duration slotRequestTimeout) {
        this(rpcService, leaderElection, driver, slotRequestTimeout,
                HeartbeatManagerOptions.HEARTBEAT_INTERVAL.defaultValue(),
                HeartbeatManagerOptions.HEARTBEAT_TIMEOUT.defaultValue());
    }

    public ResourceManager(RpcService rpcService, LeaderElection leaderElection, ResourceDriver driver,
            Duration slotRequestTimeout, Duration heartbeatInterval, Duration heartbeatTimeout) {
        super(rpcService, "resourcemanager", null);
        this.leaderElection = leaderElection;
        this.driver = driver;
        this.slotRequestTimeout = slotRequestTimeout;
        this.heartbeatInterval = heartbeatInterval;
        this.heartbeatTimeout = heartbeatTimeout;
    }

    private record PendingSlotRequest(
            JobID jobId, int numberOfSlots, CompletableFuture<List<AllocatedSlot>> future, ScheduledFuture<?> timeout) {}

    // ------------------------------------------------------------------------
    //  Life cycle and leadership
    // ------------------------------------------------------------------------

    @Override
    protected void onStart() {
        taskManagerHeartbeats = HeartbeatManager.createSender(RESOURCE_ID, new TaskManagerHeartbeatListener(),
                this::scheduleRunAsync, heartbeatInterval, heartbeatTimeout);
        leaderElection.startLeaderElection(new Contender());
    }

    @Override
    protected CompletableFuture<Void> onStop() {
        taskManagerHeartbeats.stop();
        leaderElection.close();
        failPendingRequests(new IllegalStateException("The ResourceManager is shutting down"));
        return driverInitialized ? driver.closeAsync() : CompletableFuture.completedFuture(null);
    }

    /** Leader callbacks, called on the HA notification thread. */
    private final class Contender implements LeaderContender {
        @Override
        public void grantLeadership(UUID leaderSessionId) {
            runAsyncUnlessStopped(() -> becomeLeader(leaderSessionId));
        }

        @Override
        public void revokeLeadership() {
            runAsyncUnlessStopped(() -> {
                setFencingToken(null);
                // next round (ZooKeeper HA): also drop the TaskManagers so they re-register with the new leader
                failPendingRequests(new IllegalStateException("The ResourceManager lost its leadership"));
            });
        }

        @Override
        public void handleError(Exception exception) {
            LOG.error("Leader election of the ResourceManager failed", exception);
        }
    }

    private void becomeLeader(UUID leaderSessionId) {
        setFencingToken(leaderSessionId);
        if (!driverInitialized) {
            driverInitialized = true;
            try {
                driver.initialize(new DriverEvents());
            } catch (Exception e) {
                LOG.error("The resource driver failed to start", e);
            }
        }
        // retrievers learn the address only now, when fenced calls with this session succeed
        leaderElection.confirmLeadership(leaderSessionId, getAddress());
    }

    // ------------------------------------------------------------------------
    //  TaskExecutor registration
    // ------------------------------------------------------------------------

    @Override
    public CompletableFuture<Void> registerTaskExecutor(TaskExecutorRegistration registration) {
        return getRpcService()
                .connect(registration.taskExecutorAddress(), TaskExecutorGateway.class)
                .thenAcceptAsync(gateway -> addTaskManager(registration, gateway), getMainThreadExecutor());
    }

    private void addTaskManager(TaskExecutorRegistration registration, TaskExecutorGateway gateway) {
        ResourceID id = registration.resourceId();
        if (slotManager.isRegistered(id)) {
            LOG.info("TaskManager {} registers again; replacing its old registration", id);
            slotManager.unregisterTaskManager(id);
        }
        slotManager.registerTaskManager(registration, gateway);
        taskManagerHeartbeats.monitorTarget(id, new HeartbeatTarget<>() {
            @Override
            public void receiveHeartbeat(ResourceID origin, Void payload) {
                // the ResourceManager only asks
            }

            @Override
            public void requestHeartbeat(ResourceID origin, Void payload) {
                gateway.heartbeatFromResourceManager(origin);
            }
        });
        startingTaskManagers.remove(id);
        LOG.info("Registered TaskManager {} at {} with {} slots",
                id, registration.taskExecutorAddress(), registration.slotReport().slots().size());
        servePendingRequests();
    }

    @Override
    public CompletableFuture<Void> disconnectTaskExecutor(ResourceID resourceId, String reason) {
        removeTaskManager(resourceId, reason);
        return CompletableFuture.completedFuture(null);
    }

    private void removeTaskManager(ResourceID resourceId, String reason) {
        taskManagerHeartbeats.unmonitorTarget(resourceId);
        startingTaskManagers.remove(resourceId);
        Set<JobID> affected = slotManager.unregisterTaskManager(resourceId);
        LOG.info("TaskManager {} is gone: {}", resourceId, reason);
        if (!affected.isEmpty()) {
            // their JobMasters learn it from the tasks (canceled when the TaskExecutor stops);
            // next round: from their own TaskManager heartbeats, for TaskManagers that vanish silently
            LOG.warn("Jobs {} lost slots on TaskManager {}", affected, resourceId);
        }
    }

    // ------------------------------------------------------------------------
    //  Slots
    // ------------------------------------------------------------------------

    @Override
    public CompletableFuture<List<AllocatedSlot>> requestSlots(JobID jobId, int numberOfSlots) {
        if (numberOfSlots <= 0) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException("A job needs at least one slot, not " + numberOfSlots));
        }
        if (numberOfSlots > driver.maximumSlots()) {
            return CompletableFuture.failedFuture(new NoResourceAvailableException("Job needs " + numberOfSlots
                    + " slots but the cluster has " + driver.maximumSlots() + " (" + driver.describeMaximumSlots() + ")"));
        }
        CompletableFuture<List<AllocatedSlot>> future = new CompletableFuture<>();
        ScheduledFuture<?> timeout = scheduleRunAsync(() -> timeOut(future, jobId, numberOfSlots), slotRequestTimeout);
        pendingRequests.add(new PendingSlotRequest(jobId, numberOfSlots, future, timeout));
        servePendingRequests();
        return future;
    }

    private void timeOut(CompletableFuture<List<AllocatedSlot>> future, JobID jobId, int numberOfSlots) {
        pendingRequests.removeIf(r -> r.future() == future);
        future.completeExceptionally(new NoResourceAvailableException("Could not obtain " + numberOfSlots
                + " slots for job " + jobId + " within " + slotRequestTimeout.toMillis() + " ms ("
                + JobManagerOptions.SLOT_REQUEST_TIMEOUT.key() + "): " + slotManager.numberOfFreeSlots()
                + " of " + slotManager.numberOfSlots() + " slots are free"));
        servePendingRequests();
    }

    /** Serves waiting requests in order while slots suffice; asks for TaskManagers for the first that waits. */
    private void servePendingRequests() {
        PendingSlotRequest head;
        while ((head = pendingRequests.peek()) != null) {
            List<SlotManager.Allocation> allocations = slotManager.allocate(head.jobId(), head.numberOfSlots());
            if (allocations == null) {
                requestTaskManagersFor(head.numberOfSlots());
                return;
            }
            pendingRequests.poll();
            head.timeout().cancel(false);
            deliver(head, allocations);
        }
    }

    /** Tells each TaskExecutor about its new allocation, then hands the slots to the job. */
    private void deliver(PendingSlotRequest request, List<SlotManager.Allocation> allocations) {
        List<AllocatedSlot> slots = new ArrayList<>(allocations.size());
        List<CompletableFuture<Void>> acks = new ArrayList<>(allocations.size());
        for (SlotManager.Allocation a : allocations) {
            slots.add(a.slot());
            acks.add(a.taskExecutor().requestSlot(a.slot().slotId(), request.jobId(), a.slot().allocationId()));
        }
        CompletableFuture.allOf(acks.toArray(new CompletableFuture<?>[0]))
                .whenCompleteAsync((ignored, error) -> {
                    if (error == null) {
                        request.future().complete(List.copyOf(slots));
                        return;
                    }
                    List<AllocationID> ids = slots.stream().map(AllocatedSlot::allocationId).toList();
                    slotManager.free(ids);
                    request.future().completeExceptionally(error);
                    servePendingRequests();
                }, getMainThreadExecutor());
    }

    private void requestTaskManagersFor(int numberOfSlots) {
        int perTaskManager = driver.slotsPerTaskManager();
        int comingSlots = (requestedTaskManagers + startingTaskManagers.size()) * perTaskManager;
        int missing = numberOfSlots - slotManager.numberOfFreeSlots() - comingSlots;
        int room = driver.maximumSlots() - slotManager.numberOfSlots() - comingSlots;
        int slots = Math.min(missing, room);
        if (slots > 0) {
            int count = (slots + perTaskManager - 1) / perTaskManager;
            requestedTaskManagers += count;
            LOG.info("Requesting {} TaskManagers for {} missing slots", count, missing);
            driver.requestTaskManagers(count);
        }
    }

    @Override
    public CompletableFuture<Void> releaseSlots(JobID jobId) {
        for (Iterator<PendingSlotRequest> it = pendingRequests.iterator(); it.hasNext(); ) {
            PendingSlotRequest r = it.next();
            if (r.jobId().equals(jobId)) {
                it.remove();
                r.timeout().cancel(false);
                r.future().completeExceptionally(new CancellationException("Job " + jobId + " released its slots"));
            }
        }
        for (TaskExecutorGateway taskExecutor : slotManager.release(jobId)) {
            taskExecutor.freeSlots(jobId).exceptionally(e -> {
                LOG.debug("Could not tell {} to free the slots of job {}", taskExecutor.getAddress(), jobId, e);
                return null;
            });
        }
        servePendingRequests();
        return CompletableFuture.completedFuture(null);
    }

    private void failPendingRequests(Exception cause) {
        PendingSlotRequest r;
        while ((r = pendingRequests.poll()) != null) {
            r.timeout().cancel(false);
            r.future().completeExceptionally(cause);
        }
    }

    @Override
    public CompletableFuture<ResourceOverview> requestResourceOverview() {
        return CompletableFuture.completedFuture(new ResourceOverview(
                slotManager.numberOfTaskManagers(), slotManager.numberOfSlots(), slotManager.numberOfFreeSlots()));
    }

    @Override
    public void heartbeatFromTaskManager(ResourceID resourceId, SlotReport slotReport) {
        taskManagerHeartbeats.receiveHeartbeat(resourceId, slotReport);
    }

    /** Heartbeat events, on the main thread. */
    private final class TaskManagerHeartbeatListener implements HeartbeatListener<SlotReport, Void> {
        @Override
        public void notifyHeartbeatTimeout(ResourceID resourceId) {
            removeTaskManager(resourceId, "no heartbeat for " + heartbeatTimeout.toMillis() + " ms ("
                    + HeartbeatManagerOptions.HEARTBEAT_TIMEOUT.key() + ")");
            servePendingRequests();
        }

        @Override
        public void reportPayload(ResourceID resourceId, SlotReport slotReport) {
            // next round: reconcile the slot manager with the TaskExecutor's own view of its slots
        }

        @Override
        public Void retrievePayload(ResourceID resourceId) {
            return null;
        }
    }

    /** Driver events, from any thread. */
    private final class DriverEvents implements ResourceEventHandler {
        @Override
        public void onTaskManagerStarted(ResourceID resourceId) {
            runAsyncUnlessStopped(() -> {
                requestedTaskManagers = Math.max(0, requestedTaskManagers - 1);
                if (!slotManager.isRegistered(resourceId)) {
                    startingTaskManagers.add(resourceId);
                }
            });
        }

        @Override
        public void onTaskManagerLost(ResourceID resourceId, String diagnostics) {
            runAsyncUnlessStopped(() -> {
                removeTaskManager(resourceId, diagnostics);
                servePendingRequests();
            });
        }

        @Override
        public void onError(Throwable error) {
            LOG.error("The resource driver failed", error);
        }
    }
}
