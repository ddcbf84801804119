package org.millrace.rpc.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;
import static org.millrace.taskmanager.TestingTaskFactory.finishWith;
import static org.millrace.taskmanager.TestingTaskFactory.runUntilCanceled;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.millrace.api.JobID;
import org.millrace.api.accumulators.LongCounter;
import org.millrace.cluster.JobResult;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.HeartbeatManagerOptions;
import org.millrace.dispatcher.Dispatcher;
import org.millrace.dispatcher.DispatcherGateway;
import org.millrace.graph.DistributionPattern;
import org.millrace.graph.JobEdge;
import org.millrace.graph.JobGraph;
import org.millrace.graph.JobVertex;
import org.millrace.ha.EmbeddedHaServices;
import org.millrace.ha.LeaderInformation;
import org.millrace.ha.LeaderRetrievalUtils;
import org.millrace.jobmaster.JobManagerRunner;
import org.millrace.jobmaster.JobMasterServices;
import org.millrace.jobmaster.JobStatus;
import org.millrace.jobmaster.TestingDeploymentDescriptors;
import org.millrace.resourcemanager.InJvmResourceDriver;
import org.millrace.resourcemanager.ResourceManager;
import org.millrace.resourcemanager.ResourceManagerGateway;
import org.millrace.resourcemanager.ResourceOverview;
import org.millrace.rpc.AutoCloseableAsync;
import org.millrace.task.ExecutionState;
import org.millrace.taskmanager.TaskExecutor;
import org.millrace.taskmanager.TaskManagerConfiguration;
import org.millrace.taskmanager.TestingShuffleEnvironment;
import org.millrace.taskmanager.TestingTaskFactory;

/**
 * The real control-plane components, split over three NettyRpcServices on loopback as they will be
 * over processes: Dispatcher, ResourceManager and JobMasters in one, the TaskExecutors in another, the
 * client in a third. Every call between them (registration, slot requests, deployment with the
 * JobMaster's gateway as argument, task state reports with accumulators, the job result,
 * heartbeats ResourceManager-TaskExecutor and JobMaster-TaskExecutor) crosses a socket. Tasks are fakes; leader election is the embedded one (HA services are in-JVM here).
 */
class ClusterOverNettyTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final NettyRpcService jobManagerRpc = service();
    private final NettyRpcService taskManagerRpc = service();
    private final NettyRpcService clientRpc = service();
    private final EmbeddedHaServices haServices = new EmbeddedHaServices();
    private final TestingTaskFactory tasks = new TestingTaskFactory();
    private ResourceManager resourceManager;
    private Dispatcher dispatcher;

    private static NettyRpcService service() {
        return new NettyRpcService("127.0.0.1", "127.0.0.1", 0, TIMEOUT, ClusterOverNettyTest.class.getClassLoader());
    }

    private void startCluster(int taskManagers, int slotsPerTaskManager) {
        startCluster(taskManagers, slotsPerTaskManager, Duration.ofSeconds(10), Duration.ofSeconds(50));
    }

    private void startCluster(
            int taskManagers, int slotsPerTaskManager, Duration heartbeatInterval, Duration heartbeatTimeout) {
        TaskManagerConfiguration tmConfiguration =
                new TaskManagerConfiguration(slotsPerTaskManager, TIMEOUT, heartbeatInterval, heartbeatTimeout);
        InJvmResourceDriver driver = new InJvmResourceDriver(taskManagers, slotsPerTaskManager, resourceId -> {
            TaskExecutor taskExecutor = new TaskExecutor(taskManagerRpc, resourceId, tmConfiguration,
                    haServices.getResourceManagerLeaderRetriever(), new TestingShuffleEnvironment(resourceId), tasks);
            taskExecutor.start();
            return (AutoCloseableAsync) taskExecutor;
        });
        resourceManager = new ResourceManager(jobManagerRpc, haServices.getResourceManagerLeaderElection(), driver,
                TIMEOUT, heartbeatInterval, heartbeatTimeout);
        resourceManager.start();
        JobMasterServices services = new JobMasterServices(jobManagerRpc, haServices, new TestingDeploymentDescriptors());
        dispatcher = new Dispatcher(jobManagerRpc, haServices,
                (jobGraph, statusListener) -> new JobManagerRunner(jobGraph, services, statusListener));
        dispatcher.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (dispatcher != null) {
            dispatcher.closeAsync().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        if (resourceManager != null) {
            resourceManager.closeAsync().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        haServices.close();
        clientRpc.close();
        taskManagerRpc.close();
        jobManagerRpc.close();
    }

    @Test
    void when_jobRunsOnTaskManagersOfAnotherService_then_itFinishesWithAccumulatorsMerged() throws Exception {
        startCluster(2, 1);
        long[] sourceCounts = {3, 5};
        long[] sinkCounts = {7, 11};
        tasks.behave("source", finishWith(i -> Map.of("records", new LongCounter(sourceCounts[i]))));
        tasks.behave("sink", finishWith(i -> Map.of("records", new LongCounter(sinkCounts[i]))));
        JobGraph job = new JobGraph(JobID.generate(), "job", new Configuration());
        JobVertex source = new JobVertex("source", 2, 128, true, new byte[0]);
        JobVertex sink = new JobVertex("sink", 2, 128, false, new byte[0]);
        JobEdge.connect(source, sink, DistributionPattern.ALL_TO_ALL);
        job.addVertex(source);
        job.addVertex(sink);

        LeaderInformation leader = LeaderRetrievalUtils.retrieveLeader(haServices.getDispatcherLeaderRetriever())
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        DispatcherGateway gateway = clientRpc
                .connect(leader.address(), leader.leaderSessionId(), DispatcherGateway.class)
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        gateway.submitJob(job).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JobResult result = gateway.requestJobResult(job.getJobId()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertThat(leader.address()).startsWith(jobManagerRpc.getHostPort() + "/");
        assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(result.failureCause()).isNull();
        long expected = LongStream.of(sourceCounts).sum() + LongStream.of(sinkCounts).sum();
        assertThat(result.accumulatorResults()).containsExactly(entry("records", expected));
        assertThat(tasks.tasks()).hasSize(4).allSatisfy(t -> assertThat(t.reportedStates())
                .containsExactly(ExecutionState.INITIALIZING, ExecutionState.RUNNING, ExecutionState.FINISHED));
        assertThat(gateway.requestJobStatus(job.getJobId()).get()).isEqualTo(JobStatus.FINISHED);
    }

    @Test
    void when_taskManagersBecomeUnreachable_then_theResourceManagerDropsThemAfterTheHeartbeatTimeout()
            throws Exception {
        Duration heartbeatTimeout = Duration.ofMillis(500);
        startCluster(2, 1, Duration.ofMillis(50), heartbeatTimeout);
        LeaderInformation leader = LeaderRetrievalUtils.retrieveLeader(haServices.getResourceManagerLeaderRetriever())
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        ResourceManagerGateway gateway = clientRpc
                .connect(leader.address(), leader.leaderSessionId(), ResourceManagerGateway.class)
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        await().atMost(TIMEOUT).until(() -> gateway.requestResourceOverview().get().numberOfTaskManagers() == 2);

        // answers to the ResourceManager's heartbeat requests keep both registered for several timeouts
        await().during(heartbeatTimeout.multipliedBy(3)).atMost(heartbeatTimeout.multipliedBy(5))
                .until(() -> gateway.requestResourceOverview().get().numberOfTaskManagers() == 2);

        // as if the TaskManagers' process died: nothing answers at their address any more
        taskManagerRpc.close();

        await().atMost(TIMEOUT).until(() -> gateway.requestResourceOverview().get().numberOfTaskManagers() == 0);
        assertThat(gateway.requestResourceOverview().get()).isEqualTo(new ResourceOverview(0, 0, 0));
    }

    @Test
    void when_taskManagersOfARunningJobBecomeUnreachable_then_theJobMasterFailsTheJobNamingTheLostTaskManager()
            throws Exception {
        Duration heartbeatInterval = Duration.ofMillis(50);
        Duration heartbeatTimeout = Duration.ofMillis(500);
        startCluster(1, 1, heartbeatInterval, heartbeatTimeout);
        tasks.behave("source", runUntilCanceled());
        Configuration jobConfiguration = new Configuration()
                .set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, heartbeatInterval)
                .set(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT, heartbeatTimeout);
        JobGraph job = new JobGraph(JobID.generate(), "endless", jobConfiguration);
        job.addVertex(new JobVertex("source", 1, 128, true, new byte[0]));
        LeaderInformation leader = LeaderRetrievalUtils.retrieveLeader(haServices.getDispatcherLeaderRetriever())
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        DispatcherGateway gateway = clientRpc
                .connect(leader.address(), leader.leaderSessionId(), DispatcherGateway.class)
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        gateway.submitJob(job).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        await().atMost(TIMEOUT).until(() -> tasks.tasks().size() == 1
                && tasks.tasks().get(0).reportedStates().contains(ExecutionState.RUNNING));
        // the JobMaster's heartbeat requests are answered while the task runs
        await().during(heartbeatTimeout.multipliedBy(3)).atMost(heartbeatTimeout.multipliedBy(5))
                .until(() -> gateway.requestJobStatus(job.getJobId()).get() == JobStatus.RUNNING);

        // as if the TaskManager's process died
        taskManagerRpc.close();

        JobResult result = gateway.requestJobResult(job.getJobId()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(JobStatus.FAILED);
        assertThat(result.failureCause()).hasMessageContaining("Operator 'source' (subtask 1/1) failed")
                .hasMessageContaining("TaskManager taskmanager-1 at " + taskManagerRpc.getHostPort()
                        + "/taskexecutor-taskmanager-1 is lost: no heartbeat for 500 ms (heartbeat.timeout)");
        // the TaskExecutor, cut off from its JobMaster, cancels the task itself
        await().atMost(TIMEOUT).until(() -> tasks.tasks().get(0).cancelCalls() > 0);
    }
}
