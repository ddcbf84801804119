package org.millrace.taskmanager;

import org.millrace.checkpoint.CheckpointMetrics;
import org.millrace.checkpoint.TaskStateSnapshot;
import org.millrace.network.api.CheckpointBarrier;
import org.millrace.task.CheckpointDeclinedException;
import org.millrace.task.CheckpointResponder;
import org.millrace.task.TaskIOReport;
import org.millrace.task.TaskIOSnapshot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.millrace.api.JobID;
import org.millrace.graph.ExecutionAttemptID;
import org.millrace.ha.LeaderInformation;
import org.millrace.heartbeat.HeartbeatListener;
import org.millrace.heartbeat.HeartbeatManager;
import org.millrace.heartbeat.HeartbeatTarget;
import org.millrace.ha.LeaderRetrievalListener;
import org.millrace.ha.LeaderRetrievalService;
import org.millrace.jobmaster.JobMaster;
import org.millrace.jobmaster.JobMasterGateway;
import org.millrace.network.ShuffleEnvironment;
import org.millrace.resourcemanager.AllocationID;
import org.millrace.resourcemanager.ResourceID;
import org.millrace.resourcemanager.ResourceManagerGateway;
import org.millrace.resourcemanager.SlotID;
import org.millrace.resourcemanager.SlotReport;
import org.millrace.resourcemanager.TaskExecutorRegistration;
import org.millrace.rpc.RpcEndpoint;
import org.millrace.rpc.RpcService;
import org.millrace.rpc.SerializedThrowable;
import org.millrace.configuration.TaskManagerOptions;
import org.millrace.task.TaskFailureException;
import org.millrace.task.TaskDeploymentDescriptor;
import org.millrace.task.TaskExecutionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TaskManager's control plane: registers its slots with the ResourceManager leader, accepts slot
 * allocations from it, runs the subtasks JobMasters deploy (each in its own thread, through the
 * {@link TaskFactory}) and forwards their state changes to the deploying JobMaster.
 *
 * <p>Main thread {@code millrace-taskexecutor-<resourceId>}: all fields below are touched by it only.
 * Task threads report state through a listener that hops onto it, so a task's reports reach the
 * JobMaster in the order the task made them.
 *
 * <p>A job's class loader lives while the job has tasks or slots here: it is released when the
 * ResourceManager frees the job's last slot after its last task ended (kept across a job's task
 * restarts, as restarts redeploy into the same slots).
 */
public final class TaskExecutor extends RpcEndpoint implements TaskExecutorGateway {

    private static final Logger LOG = LoggerFactory.getLogger(TaskExecutor.class);
    private static final Duration REGISTRATION_RETRY_DELAY = Duration.ofMillis(500);

    private final ResourceID resourceId;
    private final TaskManagerConfiguration configuration;
    private final LeaderRetrievalService resourceManagerRetriever;
    private final ShuffleEnvironment shuffleEnvironment;
    private final TaskFactory taskFactory;
    private final TaskSlotTable slotTable;
    private final UserCodeClassLoaders classLoaders = new UserCodeClassLoaders(TaskExecutor.class.getClassLoader());
    private final Map<ExecutionAttemptID, RunningTask> tasks = new HashMap<>();
    private final FatalErrorHandler fatalErrorHandler;
    /**
     * Identifies the registration timeout that runs while no ResourceManager has accepted us (at start,
     * after losing it); null while registered. A timeout whose token is no longer current is void.
     */
    private Object registrationTimeoutToken;

    /** The ResourceManager leader we know of (null: none), and its gateway once registered there. */
    private LeaderInformation resourceManagerLeader;
    private ResourceManagerGateway resourceManager;
    private boolean stopping;
    /** Answers the ResourceManager's heartbeat requests and notices when they stop; created in onStart. */
    private HeartbeatManager<Void, SlotReport> resourceManagerHeartbeats;
    /** Answers the heartbeat requests of the JobMasters of jobs with tasks here; created in onStart. */
    private HeartbeatManager<Void, Void> jobManagerHeartbeats;
    /** Completes, once stopping, when the last task has reported its terminal state. */
    private final CompletableFuture<Void> allTasksTerminated = new CompletableFuture<>();

    private record RunningTask(TaskHandle handle, JobID jobId, String name, JobMasterGateway jobMaster) {}

    @Override
    public CompletableFuture<List<TaskIOReport>> requestTaskIOMetrics(JobID jobId) {
        List<TaskIOReport> reports = new ArrayList<>();
        tasks.forEach((id, t) -> {
            TaskIOSnapshot io = t.jobId().equals(jobId) ? t.handle().ioMetrics() : null;
            if (io != null) {
                reports.add(new TaskIOReport(id, t.name(), io));
            }
        });
        return CompletableFuture.completedFuture(reports);
    }

    public TaskExecutor(
            RpcService rpcService,
            ResourceID resourceId,
            TaskManagerConfiguration configuration,
            LeaderRetrievalService resourceManagerRetriever,
            ShuffleEnvironment shuffleEnvironment,
            TaskFactory taskFactory) {
        this(rpcService, resourceId, configuration, resourceManagerRetriever, shuffleEnvironment, taskFactory,
                error -> LOG.error("TaskManager {} failed", resourceId, error));
    }

    /** @param fatalErrorHandler hears what this TaskExecutor cannot recover from (a TaskManager process exits) */
    public TaskExecutor(
            RpcService rpcService,
            ResourceID resourceId,
            TaskManagerConfiguration configuration,
            LeaderRetrievalService resourceManagerRetriever,
            ShuffleEnvironment shuffleEnvironment,
            TaskFactory taskFactory,
            FatalErrorHandler fatalErrorHandler) {
        super(rpcService, "taskexecutor-" + resourceId);
        this.fatalErrorHandler = fatalErrorHandler;
        this.resourceId = resourceId;
        this.configuration = configuration;
        this.resourceManagerRetriever = resourceManagerRetriever;
        this.shuffleEnvironment = shuffleEnvironment;
        this.taskFactory = taskFactory;
        this.slotTable = new TaskSlotTable(resourceId, configuration.numberOfSlots());
    }

    public ResourceID getResourceId() {
        return resourceId;
    }

    // ------------------------------------------------------------------------
    //  Life cycle and the ResourceManager connection
    // ------------------------------------------------------------------------

    @Override
    protected void onStart() {
        resourceManagerHeartbeats = HeartbeatManager.createReceiver(resourceId, new ResourceManagerHeartbeatListener(),
                this::scheduleRunAsync, configuration.heartbeatInterval(), configuration.heartbeatTimeout());
        jobManagerHeartbeats = HeartbeatManager.createReceiver(resourceId, new JobManagerHeartbeatListener(),
                this::scheduleRunAsync, configuration.heartbeatInterval(), configuration.heartbeatTimeout());
        startRegistrationTimeout();
        resourceManagerRetriever.start(new LeaderRetrievalListener() {
            @Override
            public void notifyLeaderAddress(String leaderAddress, UUID leaderSessionId) {
                runAsyncUnlessStopped(() -> onResourceManagerLeader(
                        leaderAddress == null ? null : new LeaderInformation(leaderSessionId, leaderAddress)));
            }

            @Override
            public void handleError(Exception exception) {
                LOG.error("{} cannot find the ResourceManager", resourceId, exception);
            }
        });
    }

    private void onResourceManagerLeader(LeaderInformation leader) {
        resourceManagerLeader = leader;
        if (resourceManager != null) {
            startRegistrationTimeout();
        }
        resourceManager = null;
        resourceManagerHeartbeats.unmonitorTarget(ResourceManagerGateway.RESOURCE_ID);
        if (leader != null && !stopping) {
            registerAt(leader);
        }
    }

    private void registerAt(LeaderInformation leader) {
        TaskExecutorRegistration registration = new TaskExecutorRegistration(
                resourceId, getAddress(), shuffleEnvironment.getConnectionId(), slotTable.createSlotReport());
        getRpcService()
                .connect(leader.address(), leader.leaderSessionId(), ResourceManagerGateway.class)
                .thenCompose(gateway -> gateway.registerTaskExecutor(registration).thenApply(ignored -> gateway))
                .whenCompleteAsync((gateway, error) -> {
                    if (!leader.equals(resourceManagerLeader) || stopping) {
                        return; // a newer leader, or stopping
                    }
                    if (error != null) {
                        LOG.warn("{} could not register at {}; retrying", resourceId, leader.address(), error);
                        scheduleRunAsync(() -> {
                            if (leader.equals(resourceManagerLeader) && resourceManager == null) {
                                registerAt(leader);
                            }
                        }, REGISTRATION_RETRY_DELAY);
                    } else {
                        resourceManager = gateway;
                        registrationTimeoutToken = null;
                        monitorResourceManager(gateway);
                        LOG.info("{} registered at the ResourceManager {}", resourceId, leader.address());
                    }
                }, getMainThreadExecutor());
    }

    /** Unless registered again within {@code taskmanager.registration.timeout}, the error is fatal. */
    private void startRegistrationTimeout() {
        Object token = new Object();
        registrationTimeoutToken = token;
        Duration timeout = configuration.registrationTimeout();
        scheduleRunAsync(() -> {
            if (registrationTimeoutToken == token && resourceManager == null && !stopping) {
                fatalErrorHandler.onFatalError(new TimeoutException("TaskManager " + resourceId
                        + " could not register at a ResourceManager within " + timeout.toMillis() + " ms ("
                        + TaskManagerOptions.REGISTRATION_TIMEOUT.key() + "); last known leader: "
                        + (resourceManagerLeader == null ? "none" : resourceManagerLeader.address())));
            }
        }, timeout);
    }

    private void monitorResourceManager(ResourceManagerGateway gateway) {
        resourceManagerHeartbeats.monitorTarget(ResourceManagerGateway.RESOURCE_ID, new HeartbeatTarget<>() {
            @Override
            public void receiveHeartbeat(ResourceID origin, SlotReport slotReport) {
                gateway.heartbeatFromTaskManager(origin, slotReport);
            }

            @Override
            public void requestHeartbeat(ResourceID origin, SlotReport slotReport) {
                // the TaskExecutor only answers
            }
        });
    }

    @Override
    public void heartbeatFromResourceManager(ResourceID resourceManagerId) {
        resourceManagerHeartbeats.requestHeartbeat(resourceManagerId, null);
    }

    /** Heartbeat events, on the main thread. */
    private final class ResourceManagerHeartbeatListener implements HeartbeatListener<Void, SlotReport> {
        @Override
        public void notifyHeartbeatTimeout(ResourceID resourceManagerId) {
            LOG.warn("{}: no heartbeat request from the ResourceManager for {} ms; registering again", resourceId,
                    configuration.heartbeatTimeout().toMillis());
            resourceManager = null;
            startRegistrationTimeout();
            if (resourceManagerLeader != null && !stopping) {
                registerAt(resourceManagerLeader);
            }
        }

        @Override
        public void reportPayload(ResourceID resourceManagerId, Void payload) {}

        @Override
        public SlotReport retrievePayload(ResourceID resourceManagerId) {
            return slotTable.createSlotReport();
        }
    }

    @Override
    protected CompletableFuture<Void> onStop() {
        stopping = true;
        resourceManagerHeartbeats.stop();
        jobManagerHeartbeats.stop();
        resourceManagerRetriever.close();
        if (resourceManager != null) {
            // not awaited: the ResourceManager may be stopping too
            resourceManager.disconnectTaskExecutor(resourceId, "TaskExecutor is shutting down");
        }
        for (RunningTask t : tasks.values()) {
            t.handle().cancel();
        }
        if (tasks.isEmpty()) {
            allTasksTerminated.complete(null);
        }
        return allTasksTerminated
                .orTimeout(configuration.cancellationTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .handleAsync((ignored, error) -> {
                    if (error instanceof TimeoutException) {
                        LOG.error("{}: tasks did not stop within {} ms: {}", resourceId,
                                configuration.cancellationTimeout().toMillis(), taskNames());
                    }
                    shuffleEnvironment.close();
                    classLoaders.releaseAll();
                    return null;
                }, getMainThreadExecutor());
    }

    private List<String> taskNames() {
        List<String> names = new ArrayList<>();
        for (RunningTask t : tasks.values()) {
            names.add(t.name());
        }
        return names;
    }

    // ------------------------------------------------------------------------
    //  Slots and tasks (gateway methods, on the main thread)
    // ------------------------------------------------------------------------

    @Override
    public CompletableFuture<Void> requestSlot(SlotID slotId, JobID jobId, AllocationID allocationId) {
        if (stopping) {
            return CompletableFuture.failedFuture(new IllegalStateException(resourceId + " is shutting down"));
        }
        slotTable.allocate(slotId, jobId, allocationId);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> submitTask(
            TaskDeploymentDescriptor descriptor, AllocationID allocationId, JobMasterGateway jobMaster) {
        JobID jobId = descriptor.jobId();
        if (stopping) {
            return CompletableFuture.failedFuture(new IllegalStateException(resourceId + " is shutting down"));
        }
        if (!jobId.equals(slotTable.jobOf(allocationId))) {
            return CompletableFuture.failedFuture(new IllegalStateException("No slot of job " + jobId
                    + " under allocation " + allocationId + " on TaskManager " + resourceId));
        }
        ExecutionAttemptID executionId = descriptor.executionId();
        if (tasks.containsKey(executionId)) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("Task " + descriptor.taskNameWithSubtask() + " is already running here"));
        }
        TaskHandle handle;
        try {
            ClassLoader userClassLoader = classLoaders.get(jobId, descriptor.userJars());
            getRpcService().registerUserCodeClassLoader(jobId, userClassLoader);
            handle = taskFactory.createTask(descriptor, shuffleEnvironment, userClassLoader,
                    state -> reportFromTaskThread(state), checkpointResponderFor(jobMaster));
        } catch (Exception e) {
            releaseJobIfUnused(jobId);
            return CompletableFuture.failedFuture(e);
        }
        tasks.put(executionId, new RunningTask(handle, jobId, descriptor.taskNameWithSubtask(), jobMaster));
        monitorJobManager(jobId, jobMaster);
        handle.start();
        return CompletableFuture.completedFuture(null);
    }

    /** Hands a task's checkpoint answers straight to its JobMaster (RPC calls are thread-safe). */
    private static CheckpointResponder checkpointResponderFor(JobMasterGateway jobMaster) {
        return new CheckpointResponder() {
            @Override
            public void acknowledgeCheckpoint(ExecutionAttemptID executionId, long checkpointId, CheckpointMetrics metrics,
                    TaskStateSnapshot state) {
                jobMaster.acknowledgeCheckpoint(executionId, checkpointId, metrics, state);
            }

            @Override
            public void declineCheckpoint(ExecutionAttemptID executionId, long checkpointId, Throwable cause) {
                jobMaster.declineCheckpoint(executionId, checkpointId, String.valueOf(cause),
                        cause instanceof CheckpointDeclinedException d && d.isTaskNotReady());
            }

            @Override
            public void reportEndOfData(ExecutionAttemptID executionId) {
                jobMaster.notifyEndOfData(executionId);
            }
        };
    }

    @Override
    public void triggerCheckpoint(ExecutionAttemptID executionId, CheckpointBarrier barrier) {
        RunningTask task = tasks.get(executionId);
        if (task != null) {
            task.handle().triggerCheckpoint(barrier);
        } else {
            LOG.debug("{}: checkpoint {} for unknown task {}", resourceId, barrier.checkpointId(), executionId);
        }
    }

    @Override
    public void notifyCheckpointComplete(ExecutionAttemptID executionId, long checkpointId) {
        RunningTask task = tasks.get(executionId);
        if (task != null) {
            task.handle().notifyCheckpointComplete(checkpointId);
        }
    }

    /** Called on a task's thread. */
    private void reportFromTaskThread(TaskExecutionState state) {
        runAsyncUnlessStopped(() -> onTaskStateChange(state));
    }

    private void onTaskStateChange(TaskExecutionState state) {
        RunningTask task = tasks.get(state.executionId());
        if (task == null) {
            LOG.warn("{}: state {} of unknown task {}", resourceId, state.state(), state.executionId());
            return;
        }
        boolean terminal = state.state().isTerminal();
        task.jobMaster().updateTaskExecutionState(readableEverywhere(state)).whenCompleteAsync((ignored, error) -> {
            if (error != null && !terminal) {
                // the JobMaster is gone or does not know the task: nobody would ever cancel it
                LOG.warn("JobMaster rejected state {} of {}; canceling it", state.state(), task.name(), error);
                cancelTask(state.executionId());
            }
        }, getMainThreadExecutor());
        if (terminal) {
            tasks.remove(state.executionId());
            releaseJobIfUnused(task.jobId());
            if (stopping && tasks.isEmpty()) {
                allTasksTerminated.complete(null);
            }
        }
    }

    /** The report with a failure whose user exception classes the JobManager and client may not know replaced. */
    private static TaskExecutionState readableEverywhere(TaskExecutionState state) {
        TaskFailureException failure = state.failure();
        if (failure == null || failure.getCause() == null) {
            return state;
        }
        Throwable cause = SerializedThrowable.readableEverywhere(failure.getCause(), TaskExecutor.class.getClassLoader());
        if (cause == failure.getCause()) {
            return state;
        }
        TaskFailureException readable = new TaskFailureException(
                failure.getTaskName(), failure.getSubtaskIndex(), failure.getParallelism(), cause);
        readable.setStackTrace(failure.getStackTrace());
        return new TaskExecutionState(state.jobId(), state.executionId(), state.state(), readable, state.accumulators());
    }

    @Override
    public CompletableFuture<Void> cancelTask(ExecutionAttemptID executionId) {
        RunningTask task = tasks.get(executionId);
        if (task != null) {
            task.handle().cancel();
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> freeSlots(JobID jobId) {
        slotTable.freeSlotsOf(jobId);
        for (RunningTask t : tasks.values()) {
            if (t.jobId().equals(jobId)) {
                LOG.warn("{}: slots of job {} freed while {} still runs; canceling it", resourceId, jobId, t.name());
                t.handle().cancel();
            }
        }
        releaseJobIfUnused(jobId);
        return CompletableFuture.completedFuture(null);
    }

    /** Drops the job's class loader and JobMaster heartbeats once it has neither tasks nor slots here. */
    private void releaseJobIfUnused(JobID jobId) {
        if (slotTable.hasSlotsOf(jobId)) {
            return;
        }
        for (RunningTask t : tasks.values()) {
            if (t.jobId().equals(jobId)) {
                return;
            }
        }
        classLoaders.release(jobId);
        getRpcService().unregisterUserCodeClassLoader(jobId);
        jobManagerHeartbeats.unmonitorTarget(JobMaster.resourceIdOf(jobId));
    }

    private void monitorJobManager(JobID jobId, JobMasterGateway jobMaster) {
        ResourceID jobManagerId = JobMaster.resourceIdOf(jobId);
        if (jobManagerHeartbeats.isMonitoring(jobManagerId)) {
            return;
        }
        jobManagerHeartbeats.monitorTarget(jobManagerId, new HeartbeatTarget<>() {
            @Override
            public void receiveHeartbeat(ResourceID origin, Void payload) {
                jobMaster.heartbeatFromTaskManager(origin);
            }

            @Override
            public void requestHeartbeat(ResourceID origin, Void payload) {
                // the TaskExecutor only answers
            }
        });
    }

    @Override
    public void heartbeatFromJobManager(ResourceID jobManagerId) {
        jobManagerHeartbeats.requestHeartbeat(jobManagerId, null);
    }

    /** Heartbeat events, on the main thread. */
    private final class JobManagerHeartbeatListener implements HeartbeatListener<Void, Void> {
        @Override
        public void notifyHeartbeatTimeout(ResourceID jobManagerId) {
            // nobody would cancel or collect these tasks any more
            for (RunningTask t : tasks.values()) {
                if (JobMaster.resourceIdOf(t.jobId()).equals(jobManagerId)) {
                    LOG.warn("{}: no heartbeat request from {} for {} ms; canceling {}", resourceId, jobManagerId,
                            configuration.heartbeatTimeout().toMillis(), t.name());
                    t.handle().cancel();
                }
            }
        }

        @Override
        public void reportPayload(ResourceID jobManagerId, Void payload) {}

        @Override
        public Void retrievePayload(ResourceID jobManagerId) {
            return null;
        }
    }
}
