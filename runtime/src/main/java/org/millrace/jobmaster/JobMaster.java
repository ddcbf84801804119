package org.millrace.jobmaster;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.millrace.checkpoint.CheckpointCoordinator;
import org.millrace.checkpoint.CheckpointCoordinatorConfiguration;
import org.millrace.checkpoint.CheckpointLoader;
import org.millrace.checkpoint.CheckpointMetadata;
import org.millrace.checkpoint.CheckpointMetrics;
import org.millrace.checkpoint.CheckpointStats;
import org.millrace.checkpoint.CheckpointStorage;
import org.millrace.checkpoint.CompletedCheckpoint;
import org.millrace.checkpoint.StandaloneCompletedCheckpointStore;
import org.millrace.checkpoint.StateAssignment;
import org.millrace.checkpoint.TaskStateSnapshot;
import org.millrace.configuration.CheckpointingOptions;
import org.millrace.graph.JobVertex;
import org.millrace.network.api.CheckpointBarrier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.millrace.api.JobID;
import org.millrace.api.accumulators.Accumulator;
import org.millrace.cluster.JobResult;
import org.millrace.cluster.JobStatusListener;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.HeartbeatManagerOptions;
import org.millrace.configuration.JobManagerOptions;
import org.millrace.graph.ExecutionAttemptID;
import org.millrace.graph.ExecutionGraph;
import org.millrace.graph.ExecutionVertex;
import org.millrace.graph.ExecutionVertexID;
import org.millrace.graph.JobGraph;
import org.millrace.ha.LeaderRetrievalUtils;
import org.millrace.heartbeat.HeartbeatListener;
import org.millrace.heartbeat.HeartbeatManager;
import org.millrace.heartbeat.HeartbeatTarget;
import org.millrace.network.ConnectionID;
import org.millrace.resourcemanager.AllocatedSlot;
import org.millrace.resourcemanager.ResourceID;
import org.millrace.resourcemanager.ResourceManagerGateway;
import org.millrace.rpc.FencedRpcEndpoint;
import org.millrace.task.ExecutionState;
import org.millrace.task.TaskDeploymentDescriptor;
import org.millrace.task.TaskExecutionState;
import org.millrace.task.TaskFailureException;
import org.millrace.task.TaskIOReport;
import org.millrace.taskmanager.TaskExecutorGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job: builds its ExecutionGraph, gets one slot per subtask index from the ResourceManager
 * (slot sharing: subtask i of every vertex goes in slot i), deploys every subtask (producers first),
 * follows the tasks' state reports, and ends the job FINISHED (accumulators merged), FAILED (first
 * failure as cause, other tasks canceled) or CANCELED. Reports each status change to its listener and
 * gives the slots back at the end.
 *
 * <p>Main thread {@code millrace-jobmaster-<jobId>}: every field below is touched by it only.
 */
public final class JobMaster extends FencedRpcEndpoint implements JobMasterGateway {

    private static final Logger LOG = LoggerFactory.getLogger(JobMaster.class);

    private final JobGraph jobGraph;
    private final JobMasterServices services;
    private final JobStatusListener statusListener;
    private final RestartBackoffTimeStrategy restartStrategy;
    private final CompletableFuture<JobResult> resultFuture = new CompletableFuture<>();

    private ExecutionGraph executionGraph;
    /** Producers before consumers. */
    private final List<Execution> executions = new ArrayList<>();
    private final Map<ExecutionAttemptID, Execution> executionsByAttempt = new HashMap<>();
    private final Map<String, CompletableFuture<TaskExecutorGateway>> taskExecutors = new HashMap<>();
    private JobStatus status = JobStatus.CREATED;
    /** The first failure; the job's cause when it ends FAILED. */
    private Throwable failureCause;
    private ResourceManagerGateway resourceManager;
    /** Slot i hosts subtask i of every vertex; null until allocated. */
    private List<AllocatedSlot> slots;
    private long runningSinceMillis;
    /** TaskManagers found gone (heartbeat timeout, unreachable): a restart gets new slots instead of theirs. */
    private final java.util.Set<ResourceID> lostTaskManagers = new java.util.HashSet<>();
    /** Asks the TaskExecutors this job deployed to for heartbeats; created in onStart. */
    private HeartbeatManager<Void, Void> taskManagerHeartbeats;

    /** Takes the job's checkpoints and savepoints; created in onStart. */
    private CheckpointCoordinator checkpointCoordinator;
    /** Writes checkpoint metadata and deletes old checkpoints, off the main thread. */
    private final ExecutorService ioExecutor;
    /** The savepoint the job was started from ({@code execution.savepoint.path}), or null. */
    private CheckpointMetadata initialSavepoint;
    /** Set when the job is canceled right after a stop-with-savepoint: it then ends FINISHED. */
    private boolean stoppedWithSavepoint;
    /** Subtasks connected by data exchanges: what restarts together. */
    private FailoverRegions regions;
    /** True for jobmanager.execution.failover-strategy: region. */
    private boolean regionFailover;
    /** Regions being restarted: false while their subtasks are canceled, true once the redeployment is scheduled. */
    private final Map<Integer, Boolean> restartingRegions = new HashMap<>();
    /** Running executions that reported their end of data. */
    private final Set<ExecutionAttemptID> endOfDataReported = new HashSet<>();

    public JobMaster(JobGraph jobGraph, UUID leaderSessionId, JobMasterServices services, JobStatusListener statusListener) {
        super(services.rpcService(), "jobmaster-" + jobGraph.getJobId(), leaderSessionId);
        this.jobGraph = jobGraph;
        this.services = services;
        this.statusListener = statusListener;
        this.restartStrategy = RestartBackoffTimeStrategy.fromConfiguration(jobGraph.getJobConfiguration());
        String threadName = "millrace-jobmaster-io-" + jobGraph.getJobId();
        this.ioExecutor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Completes (on the main thread) when the job has ended; fails if the JobMaster stops before. */
    public CompletableFuture<JobResult> getResultFuture() {
        return resultFuture;
    }

    private JobID jobId() {
        return jobGraph.getJobId();
    }

    /** A job's JobMaster's id in heartbeats: TaskExecutors accept heartbeat requests of the job from it. */
    public static ResourceID resourceIdOf(JobID jobId) {
        return new ResourceID("jobmaster-" + jobId);
    }

    // ------------------------------------------------------------------------
    //  Scheduling and deployment
    // ------------------------------------------------------------------------

    @Override
    protected void onStart() {
        if (status != JobStatus.CREATED) {
            return; // cannot happen (onStart is the first task of the main thread); guards the state machine
        }
        Configuration configuration = services.effectiveConfiguration(jobGraph.getJobConfiguration());
        taskManagerHeartbeats = HeartbeatManager.createSender(resourceIdOf(jobId()), new TaskManagerHeartbeatListener(),
                this::scheduleRunAsync, configuration.get(HeartbeatManagerOptions.HEARTBEAT_INTERVAL),
                configuration.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT));
        try {
            String savepointPath = configuration.get(CheckpointingOptions.SAVEPOINT_PATH);
            if (savepointPath != null) {
                initialSavepoint = CheckpointLoader.load(savepointPath);
            }
            checkpointCoordinator = new CheckpointCoordinator(jobId(),
                    CheckpointCoordinatorConfiguration.fromConfiguration(configuration),
                    CheckpointStorage.fromConfiguration(configuration, jobId()),
                    new StandaloneCompletedCheckpointStore(configuration.get(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS)),
                    new JobCheckpointParticipants(), this::scheduleRunAsync, getMainThreadExecutor(), ioExecutor);
            executionGraph = ExecutionGraph.build(jobGraph);
            regions = new FailoverRegions(executionGraph);
            regionFailover = "region".equals(configuration.get(JobManagerOptions.FAILOVER_STRATEGY));
            for (ExecutionVertex v : executionGraph.getVerticesTopologically()) {
                Execution e = new Execution(v, 0);
                executions.add(e);
                executionsByAttempt.put(e.attemptId, e);
            }
        } catch (Exception e) {
            failureCause = e instanceof java.io.IOException
                    ? new IllegalArgumentException("Cannot restore job " + jobGraph.getName() + " from "
                            + configuration.get(CheckpointingOptions.SAVEPOINT_PATH) + ": " + e.getMessage(), e)
                    : e;
            endJob(JobStatus.FAILED, Map.of());
            return;
        }
        runningSinceMillis = System.currentTimeMillis();
        transitionTo(JobStatus.RUNNING, null);
        LeaderRetrievalUtils.retrieveLeader(services.haServices().getResourceManagerLeaderRetriever())
                .thenCompose(leader -> services.rpcService()
                        .connect(leader.address(), leader.leaderSessionId(), ResourceManagerGateway.class))
                .whenCompleteAsync(this::onResourceManagerConnected, getMainThreadExecutor());
    }

    private void onResourceManagerConnected(ResourceManagerGateway gateway, Throwable error) {
        if (error != null) {
            handleFailure(unwrap(error));
            return;
        }
        // next round: follow ResourceManager leader changes and re-request what is missing
        resourceManager = gateway;
        if (status == JobStatus.RUNNING) {
            gateway.requestSlots(jobId(), jobGraph.getMaximumParallelism())
                    .whenCompleteAsync(this::onSlotsAllocated, getMainThreadExecutor());
        }
    }

    private void onSlotsAllocated(List<AllocatedSlot> allocated, Throwable error) {
        if (status != JobStatus.RUNNING) {
            return; // canceled or failed meanwhile: the slots are released when the job ends
        }
        if (error != null) {
            handleFailure(unwrap(error));
            return;
        }
        slots = allocated;
        deployAll();
    }

    /** Deploys every execution (producers first), from the latest checkpoint if there is one, and starts checkpointing. */
    private void deployAll() {
        CompletedCheckpoint latest = checkpointCoordinator.getLatestCompletedCheckpoint();
        CheckpointMetadata restoreFrom = latest != null ? latest.metadata() : initialSavepoint;
        if (restoreFrom != null) {
            LOG.info("Job {} ({}) starts from {} {}", jobGraph.getName(), jobId(),
                    restoreFrom.savepoint() ? "savepoint" : "checkpoint", restoreFrom.checkpointId());
        }
        endOfDataReported.clear();
        JobMasterGateway self = getSelfGateway(JobMasterGateway.class);
        for (Execution e : executions) {
            // in topological order: producers are deployed first; consumers still tolerate producers registering later
            if (status != JobStatus.RUNNING) {
                break;
            }
            deploy(e, self, restoreFrom);
        }
        if (status == JobStatus.RUNNING) {
            checkpointCoordinator.startCheckpointScheduler();
        }
    }

    private void deploy(Execution execution, JobMasterGateway self, CheckpointMetadata restoreFrom) {
        ExecutionVertex vertex = execution.vertex;
        AllocatedSlot slot = slots.get(vertex.getSubtaskIndex());
        execution.slot = slot;
        execution.state = ExecutionState.DEPLOYING;
        TaskDeploymentDescriptor descriptor;
        try {
            descriptor = services.deploymentDescriptorFactory()
                    .create(executionGraph, vertex, execution.attemptId.attemptNumber(), this::locationOf);
            if (restoreFrom != null) {
                JobVertex jv = vertex.getJobVertex();
                descriptor = descriptor.withTaskRestore(StateAssignment.assign(restoreFrom, jv.getOperatorIds(), jv.getName(),
                        vertex.getSubtaskIndex(), vertex.getParallelism(), jv.getMaxParallelism()));
            }
        } catch (Exception e) {
            execution.state = ExecutionState.FAILED;
            handleFailure(taskFailure(execution, e));
            return;
        }
        monitorTaskManager(slot);
        TaskDeploymentDescriptor toSubmit = descriptor;
        execution.deployment = taskExecutor(slot.taskExecutorAddress())
                .thenCompose(te -> te.submitTask(toSubmit, slot.allocationId(), self));
        execution.deployment.whenCompleteAsync((ignored, error) -> {
            if (error != null && !execution.isTerminal()) {
                execution.state = ExecutionState.FAILED;
                handleFailure(taskFailure(execution, unwrap(error)));
                checkJobTermination();
            }
        }, getMainThreadExecutor());
    }

    private void monitorTaskManager(AllocatedSlot slot) {
        ResourceID taskManager = slot.slotId().resourceId();
        if (taskManagerHeartbeats.isMonitoring(taskManager)) {
            return;
        }
        taskManagerHeartbeats.monitorTarget(taskManager, new HeartbeatTarget<>() {
            @Override
            public void receiveHeartbeat(ResourceID origin, Void payload) {
                // the JobMaster only asks
            }

            @Override
            public void requestHeartbeat(ResourceID origin, Void payload) {
                taskExecutor(slot.taskExecutorAddress()).thenAccept(te -> te.heartbeatFromJobManager(origin));
            }
        });
    }

    private ConnectionID locationOf(ExecutionVertexID vertexId) {
        return slots.get(vertexId.subtaskIndex()).dataConnection();
    }

    private CompletableFuture<TaskExecutorGateway> taskExecutor(String address) {
        return taskExecutors.computeIfAbsent(
                address, a -> services.rpcService().connect(a, TaskExecutorGateway.class));
    }

    // ------------------------------------------------------------------------
    //  Gateway
    // ------------------------------------------------------------------------

    @Override
    public CompletableFuture<Void> updateTaskExecutionState(TaskExecutionState update) {
        Execution execution = executionsByAttempt.get(update.executionId());
        if (execution == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "Job " + jobId() + " has no execution " + update.executionId()));
        }
        if (execution.isTerminal()) {
            return CompletableFuture.completedFuture(null); // a late report of a task we already gave up on
        }
        if (execution.state == ExecutionState.CANCELING && !update.state().isTerminal()) {
            return CompletableFuture.completedFuture(null); // it started before our cancel call reached it
        }
        execution.state = update.state();
        if (update.state().isTerminal() && checkpointCoordinator != null) {
            checkpointCoordinator.onSubtaskEnded(execution.attemptId);
        }
        switch (update.state()) {
            case FINISHED -> execution.accumulators = update.accumulators() == null ? Map.of() : update.accumulators();
            case FAILED -> onTaskFailed(execution, update.failure() != null
                    ? update.failure()
                    : taskFailure(execution, new IllegalStateException("The task failed without a cause")));
            case CANCELED -> {
                if (status == JobStatus.RUNNING) {
                    handleFailure(taskFailure(execution,
                            new IllegalStateException("The task was canceled by its TaskManager, not by the job")));
                }
            }
            default -> {}
        }
        checkJobTermination();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void acknowledgeCheckpoint(ExecutionAttemptID executionId, long checkpointId, CheckpointMetrics metrics,
            TaskStateSnapshot state) {
        checkpointCoordinator.acknowledge(executionId, checkpointId, metrics, state);
    }

    @Override
    public void declineCheckpoint(ExecutionAttemptID executionId, long checkpointId, String reason, boolean taskNotReady) {
        checkpointCoordinator.decline(executionId, checkpointId, reason, taskNotReady);
    }

    @Override
    public void notifyEndOfData(ExecutionAttemptID executionId) {
        Execution execution = executionsByAttempt.get(executionId);
        if (execution == null || execution.isTerminal() || status != JobStatus.RUNNING) {
            return;
        }
        endOfDataReported.add(executionId);
        for (Execution e : executions) {
            if (e.vertex.getJobVertex().isSource() && e.state != ExecutionState.FINISHED && !endOfDataReported.contains(e.attemptId)) {
                return;
            }
        }
        checkpointCoordinator.triggerFinalCheckpointSoon();
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(String targetDirectory, boolean cancelJob) {
        if (status != JobStatus.RUNNING) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "Job " + jobId() + " is " + status + ": savepoints are taken of running jobs"));
        }
        CompletableFuture<String> savepoint = checkpointCoordinator.triggerSavepoint(targetDirectory);
        if (!cancelJob) {
            return savepoint;
        }
        return savepoint.thenComposeAsync(path -> {
            // as in Flink, a job stopped with a savepoint ends FINISHED: its state lives on in the savepoint
            stoppedWithSavepoint = status == JobStatus.RUNNING;
            return cancel().thenApply(ignored -> path);
        }, getMainThreadExecutor());
    }

    @Override
    public CompletableFuture<List<CheckpointStats>> requestCheckpointStats() {
        return CompletableFuture.completedFuture(checkpointCoordinator == null ? List.of() : checkpointCoordinator.getHistory());
    }

    /** The coordinator's view of the executions; main thread. */
    private final class JobCheckpointParticipants implements CheckpointCoordinator.Participants {
        @Override
        public CheckpointCoordinator.CheckpointPlan plan() {
            if (status != JobStatus.RUNNING) {
                return null;
            }
            List<CheckpointCoordinator.Participant> trigger = new ArrayList<>();
            List<CheckpointCoordinator.Participant> acknowledge = new ArrayList<>();
            List<CheckpointCoordinator.Participant> finished = new ArrayList<>();
            for (Execution e : executions) {
                JobVertex jv = e.vertex.getJobVertex();
                CheckpointCoordinator.Participant p = new CheckpointCoordinator.Participant(
                        e.attemptId, jv.getOperatorIds(), jv.getParallelism(), jv.getMaxParallelism());
                switch (e.state) {
                    case RUNNING -> {
                        acknowledge.add(p);
                        if (jv.isSource()) {
                            trigger.add(p);
                        }
                    }
                    case FINISHED -> finished.add(p);
                    default -> {
                        return null; // still deploying, or going away
                    }
                }
            }
            return new CheckpointCoordinator.CheckpointPlan(trigger, acknowledge, finished);
        }

        @Override
        public void trigger(ExecutionAttemptID executionId, CheckpointBarrier barrier) {
            Execution e = executionsByAttempt.get(executionId);
            taskExecutor(e.slot.taskExecutorAddress()).thenAccept(te -> te.triggerCheckpoint(executionId, barrier));
        }

        @Override
        public void notifyComplete(ExecutionAttemptID executionId, long checkpointId) {
            Execution e = executionsByAttempt.get(executionId);
            taskExecutor(e.slot.taskExecutorAddress()).thenAccept(te -> te.notifyCheckpointComplete(executionId, checkpointId));
        }

        @Override
        public void failJob(Throwable cause) {
            handleFailure(cause);
            checkJobTermination();
        }
    }

    @Override
    public void heartbeatFromTaskManager(ResourceID resourceId) {
        taskManagerHeartbeats.receiveHeartbeat(resourceId, null);
    }

    /** Heartbeat events, on the main thread. */
    private final class TaskManagerHeartbeatListener implements HeartbeatListener<Void, Void> {
        @Override
        public void notifyHeartbeatTimeout(ResourceID resourceId) {
            onTaskManagerLost(resourceId, "no heartbeat for "
                    + services.effectiveConfiguration(jobGraph.getJobConfiguration())
                            .get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT).toMillis() + " ms ("
                    + HeartbeatManagerOptions.HEARTBEAT_TIMEOUT.key() + ")");
        }

        @Override
        public void reportPayload(ResourceID resourceId, Void payload) {}

        @Override
        public Void retrievePayload(ResourceID resourceId) {
            return null;
        }
    }

    /** Its tasks there are gone without a report: they count as failed, and the job fails (no restarts yet). */
    private void onTaskManagerLost(ResourceID resourceId, String reason) {
        lostTaskManagers.add(resourceId);
        taskManagerHeartbeats.unmonitorTarget(resourceId);
        Throwable firstFailure = null;
        for (Execution e : executions) {
            if (e.slot != null && e.slot.slotId().resourceId().equals(resourceId) && !e.isTerminal()) {
                e.state = ExecutionState.FAILED;
                if (firstFailure == null) {
                    firstFailure = taskFailure(e, new IllegalStateException("TaskManager " + resourceId
                            + " at " + e.slot.taskExecutorAddress() + " is lost: " + reason));
                }
            }
        }
        if (firstFailure != null) {
            LOG.warn("Job {} lost TaskManager {}: {}", jobId(), resourceId, reason);
            handleFailure(firstFailure);
            checkJobTermination();
        }
    }

    @Override
    public CompletableFuture<Void> cancel() {
        if (status == JobStatus.CREATED || status == JobStatus.RUNNING || status == JobStatus.RESTARTING) {
            if (checkpointCoordinator != null) {
                checkpointCoordinator.stopCheckpointScheduler("the job is canceled");
            }
            restartingRegions.clear();
            transitionTo(JobStatus.CANCELLING, null);
            cancelExecutions();
            checkJobTermination();
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<List<TaskIOReport>> requestTaskIOMetrics() {
        List<CompletableFuture<List<TaskIOReport>>> perTaskExecutor = new ArrayList<>();
        java.util.Set<String> asked = new java.util.HashSet<>();
        for (Execution e : executions) {
            if (e.slot != null && asked.add(e.slot.taskExecutorAddress())) {
                perTaskExecutor.add(taskExecutor(e.slot.taskExecutorAddress()).thenCompose(te -> te.requestTaskIOMetrics(jobId())));
            }
        }
        return CompletableFuture.allOf(perTaskExecutor.toArray(new CompletableFuture<?>[0])).thenApply(ignored -> {
            List<TaskIOReport> all = new ArrayList<>();
            perTaskExecutor.forEach(f -> all.addAll(f.join()));
            return all;
        });
    }

    @Override
    public CompletableFuture<JobStatus> requestJobStatus() {
        return CompletableFuture.completedFuture(status);
    }

    // ------------------------------------------------------------------------
    //  Failures and the end of the job
    // ------------------------------------------------------------------------

    /**
     * The decision point for every failure of a running job (task failure, deployment failure, no slots).
     * Only the first failure of a running job counts; later ones are consequences.
     */
    private void handleFailure(Throwable cause) {
        if (status != JobStatus.RUNNING) {
            return;
        }
        if (checkpointCoordinator != null) {
            checkpointCoordinator.stopCheckpointScheduler("the job failed: " + cause);
        }
        restartStrategy.notifyFailure(cause);
        if (restartStrategy.canRestart() && slots != null) {
            // global failover: cancel every task, then redeploy all of them as new attempts in the
            // same slots once they are gone and the backoff has passed (see checkJobTermination)
            LOG.info("Job {} ({}) restarts after {} ms ({}): {}", jobGraph.getName(), jobId(),
                    restartStrategy.getBackoffTimeMillis(), restartStrategy, cause.toString());
            restartingRegions.clear();
            transitionTo(JobStatus.RESTARTING, cause);
            cancelExecutions();
            checkJobTermination();
            return;
        }
        LOG.info("Job {} ({}) fails: {}", jobGraph.getName(), jobId(), cause.toString());
        failToEnd(cause);
    }

    private void failToEnd(Throwable cause) {
        restartingRegions.clear();
        if (checkpointCoordinator != null) {
            checkpointCoordinator.stopCheckpointScheduler("the job failed: " + cause);
        }
        failureCause = cause;
        transitionTo(JobStatus.FAILING, cause);
        cancelExecutions();
        checkJobTermination();
    }

    /**
     * A task failed: with region failover, and when its region is not the whole job, only its region
     * restarts (from the latest checkpoint); otherwise the job fails over as a whole.
     */
    private void onTaskFailed(Execution failed, Throwable cause) {
        if (status != JobStatus.RUNNING) {
            return;
        }
        int region = regions.regionOf(failed.vertex.getId());
        if (restartingRegions.containsKey(region)) {
            return; // a consequence of the region's own restart
        }
        if (!regionFailover || regions.numberOfRegions() == 1 || slots == null || !lostTaskManagers.isEmpty()) {
            handleFailure(cause);
            return;
        }
        restartStrategy.notifyFailure(cause);
        if (!restartStrategy.canRestart()) {
            LOG.info("Job {} ({}) fails: {}", jobGraph.getName(), jobId(), cause.toString());
            failToEnd(cause);
            return;
        }
        LOG.info("Job {} ({}) restarts region {} of {} after {} ms ({}): {}", jobGraph.getName(), jobId(), region,
                regions.numberOfRegions(), restartStrategy.getBackoffTimeMillis(), restartStrategy, cause.toString());
        checkpointCoordinator.abortPendingCheckpoint("region " + region + " restarts");
        restartingRegions.put(region, false);
        for (Execution e : executions) {
            if (regions.regionOf(e.vertex.getId()) != region) {
                continue;
            }
            if (e.state == ExecutionState.CREATED) {
                e.state = ExecutionState.CANCELED;
            } else if (!e.isTerminal()) {
                e.state = ExecutionState.CANCELING;
                cancelTask(e);
            }
        }
    }

    /** Redeploys the subtasks of {@code region} as new attempts in their slots, from the latest checkpoint. */
    private void redeployRegion(int region) {
        if (status != JobStatus.RUNNING || restartingRegions.remove(region) == null) {
            return;
        }
        CompletedCheckpoint latest = checkpointCoordinator.getLatestCompletedCheckpoint();
        CheckpointMetadata restoreFrom = latest != null ? latest.metadata() : initialSavepoint;
        List<Execution> redeploy = new ArrayList<>();
        for (int i = 0; i < executions.size(); i++) {
            Execution previous = executions.get(i);
            if (regions.regionOf(previous.vertex.getId()) == region) {
                Execution e = new Execution(previous.vertex, previous.attemptId.attemptNumber() + 1);
                executions.set(i, e);
                executionsByAttempt.put(e.attemptId, e);
                redeploy.add(e);
            }
        }
        JobMasterGateway self = getSelfGateway(JobMasterGateway.class);
        for (Execution e : redeploy) {
            if (status != JobStatus.RUNNING) {
                break;
            }
            deploy(e, self, restoreFrom);
        }
    }

    /** Cancels every execution that has not ended; those never deployed are canceled on the spot. */
    private void cancelExecutions() {
        for (Execution e : executions) {
            if (e.state == ExecutionState.CREATED) {
                e.state = ExecutionState.CANCELED;
            } else if (!e.isTerminal()) {
                e.state = ExecutionState.CANCELING;
                cancelTask(e);
            }
        }
    }

    /** Asks the task's TaskExecutor to cancel it, after the deployment call (so never before it). */
    private void cancelTask(Execution e) {
        e.deployment
                .handle((ignored, deployError) -> null)
                .thenCompose(ignored -> taskExecutor(e.slot.taskExecutorAddress()))
                .thenCompose(te -> te.cancelTask(e.attemptId))
                .whenCompleteAsync((ignored, error) -> {
                    if (error != null && !e.isTerminal()) {
                        // its TaskManager is unreachable: no report will come, count the task as gone
                        LOG.warn("Could not cancel {}; considering it canceled", e, error);
                        lostTaskManagers.add(e.slot.slotId().resourceId());
                        e.state = ExecutionState.CANCELED;
                        checkJobTermination();
                    }
                }, getMainThreadExecutor());
    }

    private void checkJobTermination() {
        if (status == JobStatus.RUNNING && !restartingRegions.isEmpty()) {
            scheduleCanceledRegions();
            return; // the job does not end while a region restarts
        }
        for (Execution e : executions) {
            if (!e.isTerminal()) {
                return;
            }
        }
        switch (status) {
            case RUNNING -> finishJob();
            case FAILING -> endJob(JobStatus.FAILED, Map.of());
            case CANCELLING -> endJob(stoppedWithSavepoint ? JobStatus.FINISHED : JobStatus.CANCELED, Map.of());
            case RESTARTING -> scheduleRunAsync(this::restart, Duration.ofMillis(restartStrategy.getBackoffTimeMillis()));
            default -> {}
        }
    }

    /** Schedules the redeployment of each restarting region whose subtasks have all ended. */
    private void scheduleCanceledRegions() {
        for (Map.Entry<Integer, Boolean> r : restartingRegions.entrySet()) {
            if (r.getValue()) {
                continue;
            }
            boolean allEnded = true;
            for (Execution e : executions) {
                if (regions.regionOf(e.vertex.getId()) == r.getKey() && !e.isTerminal()) {
                    allEnded = false;
                    break;
                }
            }
            if (allEnded) {
                r.setValue(true);
                int region = r.getKey();
                scheduleRunAsync(() -> redeployRegion(region), Duration.ofMillis(restartStrategy.getBackoffTimeMillis()));
            }
        }
    }

    /**
     * Redeploys every subtask as a new attempt: into the slots the job holds, or, when one of their
     * TaskManagers was lost, into a fresh set of slots from the ResourceManager.
     */
    private void restart() {
        if (status != JobStatus.RESTARTING) {
            return; // canceled while waiting for the backoff
        }
        List<Execution> next = new ArrayList<>(executions.size());
        for (Execution previous : executions) {
            Execution e = new Execution(previous.vertex, previous.attemptId.attemptNumber() + 1);
            next.add(e);
            executionsByAttempt.put(e.attemptId, e);
        }
        executions.clear();
        executions.addAll(next);
        transitionTo(JobStatus.RUNNING, null);
        if (slots.stream().anyMatch(s -> lostTaskManagers.contains(s.slotId().resourceId()))) {
            // some slots died with their TaskManager: give all back and take what the ResourceManager
            // has now (a replacement TaskManager's among them); onSlotsAllocated deploys
            LOG.info("Job {} ({}) lost TaskManagers {}; requesting new slots", jobGraph.getName(), jobId(), lostTaskManagers);
            slots = null;
            lostTaskManagers.clear();
            ResourceManagerGateway rm = resourceManager;
            rm.releaseSlots(jobId())
                    .thenCompose(ignored -> rm.requestSlots(jobId(), jobGraph.getMaximumParallelism()))
                    .whenCompleteAsync(this::onSlotsAllocated, getMainThreadExecutor());
            return;
        }
        deployAll();
    }

    private void finishJob() {
        List<Map<String, Accumulator<?, ?>>> perSubtask = new ArrayList<>(executions.size());
        for (Execution e : executions) {
            perSubtask.add(e.accumulators);
        }
        Map<String, Object> accumulatorResults;
        try {
            accumulatorResults = AccumulatorMerger.merge(perSubtask);
        } catch (RuntimeException e) {
            failureCause = e;
            endJob(JobStatus.FAILED, Map.of());
            return;
        }
        endJob(JobStatus.FINISHED, accumulatorResults);
    }

    private void endJob(JobStatus finalStatus, Map<String, Object> accumulatorResults) {
        if (taskManagerHeartbeats != null) {
            taskManagerHeartbeats.stop();
        }
        if (checkpointCoordinator != null) {
            checkpointCoordinator.shutdown();
        }
        ioExecutor.shutdown();
        transitionTo(finalStatus, finalStatus == JobStatus.FAILED ? failureCause : null);
        releaseSlots();
        long runtime = runningSinceMillis == 0 ? 0 : System.currentTimeMillis() - runningSinceMillis;
        resultFuture.complete(new JobResult(jobId(), jobGraph.getName(), finalStatus, accumulatorResults,
                finalStatus == JobStatus.FAILED ? failureCause : null, runtime,
                checkpointCoordinator == null ? List.of() : checkpointCoordinator.getHistory()));
    }

    private void releaseSlots() {
        if (resourceManager != null) {
            resourceManager.releaseSlots(jobId()).exceptionally(e -> {
                LOG.warn("Could not release the slots of job {}", jobId(), e);
                return null;
            });
        }
    }

    private void transitionTo(JobStatus newStatus, Throwable cause) {
        LOG.info("Job {} ({}) switched from {} to {}", jobGraph.getName(), jobId(), status, newStatus);
        status = newStatus;
        statusListener.onJobStatusChange(jobId(), newStatus, System.currentTimeMillis(), cause);
    }

    @Override
    protected CompletableFuture<Void> onStop() {
        if (taskManagerHeartbeats != null) {
            taskManagerHeartbeats.stop();
        }
        if (checkpointCoordinator != null) {
            checkpointCoordinator.shutdown();
        }
        ioExecutor.shutdown();
        if (!status.isGloballyTerminal()) {
            // the cluster is shutting down under a running job: stop its tasks, free its slots
            for (Execution e : executions) {
                if (e.deployment != null && !e.isTerminal()) {
                    cancelTask(e);
                }
            }
            releaseSlots();
            resultFuture.completeExceptionally(new IllegalStateException(
                    "The JobMaster of job " + jobId() + " stopped before the job ended"));
        }
        return CompletableFuture.completedFuture(null);
    }

    private static TaskFailureException taskFailure(Execution execution, Throwable cause) {
        ExecutionVertex v = execution.vertex;
        return new TaskFailureException(v.getJobVertex().getName(), v.getSubtaskIndex(), v.getParallelism(), cause);
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
