package org.millrace.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.millrace.taskmanager.TestingTaskFactory.awaitThenFinish;
import static org.millrace.taskmanager.TestingTaskFactory.finishWith;
import static org.millrace.taskmanager.TestingTaskFactory.runUntilCanceled;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.millrace.api.JobID;
import org.millrace.api.accumulators.LongCounter;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.LocalClusterOptions;
import org.millrace.configuration.TaskManagerOptions;
import org.millrace.dispatcher.DispatcherGateway;
import org.millrace.dispatcher.JobNotFoundException;
import org.millrace.dispatcher.JobStatusMessage;
import org.millrace.graph.ExecutionAttemptID;
import org.millrace.graph.DistributionPattern;
import org.millrace.graph.JobEdge;
import org.millrace.graph.JobGraph;
import org.millrace.graph.JobVertex;
import org.millrace.ha.LeaderInformation;
import org.millrace.ha.LeaderRetrievalUtils;
import org.millrace.jobmaster.JobMasterGateway;
import org.millrace.jobmaster.JobStatus;
import org.millrace.jobmaster.TestingDeploymentDescriptors;
import org.millrace.network.ConnectionID;
import org.millrace.network.InputChannelDeploymentDescriptor;
import org.millrace.resourcemanager.NoResourceAvailableException;
import org.millrace.resourcemanager.ResourceManagerGateway;
import org.millrace.configuration.JobManagerOptions;
import org.millrace.resourcemanager.ResourceOverview;
import org.millrace.rpc.FencingTokenException;
import org.millrace.task.ExecutionState;
import org.millrace.task.TaskExecutionState;
import org.millrace.task.TaskFailureException;
import org.millrace.taskmanager.TestingShuffleEnvironment;
import org.millrace.taskmanager.TestingTaskFactory;
import org.millrace.taskmanager.TestingTaskFactory.TestingTask;

/** The local cluster's components working together, with fake tasks and a fake data plane. */
class LocalClusterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final TestingTaskFactory tasks = new TestingTaskFactory();
    private LocalCluster cluster;
    private ClusterClient client;

    private void startCluster(int taskManagers, int slotsPerTaskManager) {
        startCluster(new Configuration()
                .set(LocalClusterOptions.NUM_TASK_MANAGERS, taskManagers)
                .set(TaskManagerOptions.NUM_TASK_SLOTS, slotsPerTaskManager));
    }

    private void startCluster(Configuration configuration) {
        cluster = LocalCluster.builder(configuration)
                .shuffleEnvironmentFactory(TestingShuffleEnvironment::new)
                .taskFactory(tasks)
                .deploymentDescriptorFactory(new TestingDeploymentDescriptors())
                .build();
        client = LocalDeployer.start(cluster);
    }

    @AfterEach
    void closeCluster() {
        if (client != null) {
            client.close();
        }
    }

    /** source (p) -all-to-all-> sink (p). */
    private static JobGraph twoVertexJob(String prefix, int parallelism) {
        JobGraph graph = new JobGraph(JobID.generate(), prefix + "job", new Configuration());
        JobVertex source = new JobVertex(prefix + "source", parallelism, 128, true, new byte[0]);
        JobVertex sink = new JobVertex(prefix + "sink", parallelism, 128, false, new byte[0]);
        JobEdge.connect(source, sink, DistributionPattern.ALL_TO_ALL);
        graph.addVertex(source);
        graph.addVertex(sink);
        return graph;
    }

    private JobResult resultOf(JobID jobId) throws Exception {
        return client.requestJobResult(jobId).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private TestingJobStatusRecorder follow(JobID jobId) {
        TestingJobStatusRecorder recorder = new TestingJobStatusRecorder();
        client.addJobStatusListener(jobId, recorder);
        return recorder;
    }

    private static void awaitNoThreadsOf(String... taskNames) {
        await().atMost(TIMEOUT).until(() -> Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .noneMatch(t -> {
                    for (String name : taskNames) {
                        if (t.getName().startsWith(name + " (")) {
                            return true;
                        }
                    }
                    return false;
                }));
    }

    private void awaitAllSlotsFree() throws Exception {
        ResourceManagerGateway rm = cluster.getResourceManagerGateway().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        await().atMost(TIMEOUT).until(() -> {
            ResourceOverview o = rm.requestResourceOverview().get();
            return o.numberOfSlots() > 0 && o.numberOfFreeSlots() == o.numberOfSlots();
        });
    }

    private static void awaitRunning(Supplier<List<TestingTask>> tasksToWatch, int count) {
        await().atMost(TIMEOUT).until(() -> {
            List<TestingTask> watched = tasksToWatch.get();
            return watched.size() == count
                    && watched.stream().allMatch(t -> t.reportedStates().contains(ExecutionState.RUNNING));
        });
    }

    // ------------------------------------------------------------------------

    @Test
    void when_allTasksFinish_then_jobFinishesWithAccumulatorsMergedAcrossSubtasks() throws Exception {
        startCluster(2, 1);
        long[] sourceCounts = {3, 5};
        long[] sinkCounts = {7, 11};
        tasks.behave("source", finishWith(i -> Map.of("records", new LongCounter(sourceCounts[i]))));
        tasks.behave("sink", finishWith(i -> Map.of("records", new LongCounter(sinkCounts[i]))));
        JobGraph job = twoVertexJob("", 2);

        JobID jobId = client.submitJob(job).get();
        JobResult result = resultOf(jobId);

        assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(result.jobName()).isEqualTo("job");
        assertThat(result.failureCause()).isNull();
        long expected = LongStream.of(sourceCounts).sum() + LongStream.of(sinkCounts).sum();
        assertThat(result.accumulatorResults()).containsExactly(entry("records", expected));
        assertThat(tasks.tasks()).hasSize(4).allSatisfy(t -> assertThat(t.reportedStates())
                .containsExactly(ExecutionState.INITIALIZING, ExecutionState.RUNNING, ExecutionState.FINISHED));

        TestingJobStatusRecorder recorder = follow(jobId);
        await().atMost(TIMEOUT).until(recorder::hasEnded);
        assertThat(recorder.statuses()).containsExactly(JobStatus.CREATED, JobStatus.RUNNING, JobStatus.FINISHED);
        awaitNoThreadsOf("source", "sink");
        awaitAllSlotsFree();
    }

    @Test
    void when_slotsAreShared_then_subtaskIOfEveryVertexRunsInSlotI_andConsumersKnowWhereProducersRun() throws Exception {
        startCluster(2, 1);
        JobID jobId = client.submitJob(twoVertexJob("", 2)).get();
        assertThat(resultOf(jobId).status()).isEqualTo(JobStatus.FINISHED);

        List<TestingTask> sources = tasks.tasksOf("source");
        List<TestingTask> sinks = tasks.tasksOf("sink");
        ConnectionID[] sourceLocation = new ConnectionID[2];
        for (int i = 0; i < 2; i++) {
            sourceLocation[i] = sources.get(i).shuffleEnvironment().getConnectionId();
            // one slot per TaskManager: subtask i of both vertices shares slot i's TaskManager
            assertThat(sinks.get(i).shuffleEnvironment().getConnectionId()).isEqualTo(sourceLocation[i]);
        }
        assertThat(sourceLocation[0]).isNotEqualTo(sourceLocation[1]);
        for (TestingTask sink : sinks) {
            List<InputChannelDeploymentDescriptor> channels = sink.descriptor().inputGates().get(0).channels();
            assertThat(channels).extracting(InputChannelDeploymentDescriptor::producerLocation)
                    .containsExactly(sourceLocation[0], sourceLocation[1]);
        }
    }

    @Test
    void when_aTaskFails_then_theOthersAreCanceled_andTheJobFailsWithTheTaskFailure() throws Exception {
        startCluster(1, 2);
        tasks.behave("source", runUntilCanceled());
        tasks.behave("sink", t -> {
            if (t.descriptor().subtaskIndex() == 1) {
                throw new IllegalStateException("boom");
            }
            return runUntilCanceled().run(t);
        });

        JobID jobId = client.submitJob(twoVertexJob("", 2)).get();
        TestingJobStatusRecorder recorder = follow(jobId);
        JobResult result = resultOf(jobId);

        assertThat(result.status()).isEqualTo(JobStatus.FAILED);
        assertThat(result.accumulatorResults()).isEmpty();
        assertThat(result.failureCause())
                .isInstanceOf(TaskFailureException.class)
                .hasMessageStartingWith("Operator 'sink' (subtask 2/2) failed: ")
                .hasRootCauseMessage("boom");
        assertThat(tasks.tasks()).hasSize(4);
        assertThat(tasks.tasksOf("sink").get(1).lastState()).isEqualTo(ExecutionState.FAILED);
        assertThat(List.of(tasks.tasksOf("source").get(0), tasks.tasksOf("source").get(1), tasks.tasksOf("sink").get(0)))
                .allSatisfy(t -> assertThat(t.lastState()).isEqualTo(ExecutionState.CANCELED));
        await().atMost(TIMEOUT).until(recorder::hasEnded);
        assertThat(recorder.statuses())
                .containsExactly(JobStatus.CREATED, JobStatus.RUNNING, JobStatus.FAILING, JobStatus.FAILED);
        assertThat(recorder.changes().get(3).cause()).isSameAs(recorder.changes().get(2).cause());
        assertThat(recorder.changes().get(3).cause()).hasMessage(result.failureCause().getMessage());
        awaitNoThreadsOf("source", "sink");
        awaitAllSlotsFree();
    }

    @Test
    void when_aSecondTaskFailsWhileTheJobFails_then_theFirstFailureIsTheCause() throws Exception {
        startCluster(1, 2);
        tasks.behave("source", runUntilCanceled());
        tasks.behave("sink", t -> {
            if (t.descriptor().subtaskIndex() == 1) {
                throw new IllegalStateException("first");
            }
            t.awaitCancel();
            throw new IllegalStateException("second, while being canceled");
        });

        JobID jobId = client.submitJob(twoVertexJob("", 2)).get();
        JobResult result = resultOf(jobId);

        assertThat(result.status()).isEqualTo(JobStatus.FAILED);
        assertThat(result.failureCause()).hasRootCauseMessage("first");
        assertThat(tasks.tasksOf("sink").get(0).lastState()).isEqualTo(ExecutionState.FAILED);
        awaitNoThreadsOf("source", "sink");
    }

    @Test
    void when_jobIsCanceled_then_allTasksAreCanceled_andTheJobEndsCanceled() throws Exception {
        startCluster(1, 2);
        tasks.behave("source", runUntilCanceled());
        tasks.behave("sink", runUntilCanceled());
        JobID jobId = client.submitJob(twoVertexJob("", 2)).get();
        TestingJobStatusRecorder recorder = follow(jobId);
        awaitRunning(tasks::tasks, 4);
        assertThat(client.getJobStatus(jobId).get()).isEqualTo(JobStatus.RUNNING);

        client.cancel(jobId).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JobResult result = resultOf(jobId);

        assertThat(result.status()).isEqualTo(JobStatus.CANCELED);
        assertThat(result.failureCause()).isNull();
        assertThat(tasks.tasks()).allSatisfy(t -> {
            assertThat(t.lastState()).isEqualTo(ExecutionState.CANCELED);
            assertThat(t.cancelCalls()).isEqualTo(1);
        });
        await().atMost(TIMEOUT).until(recorder::hasEnded);
        assertThat(recorder.statuses())
                .containsExactly(JobStatus.CREATED, JobStatus.RUNNING, JobStatus.CANCELLING, JobStatus.CANCELED);
        assertThat(client.getJobStatus(jobId).get()).isEqualTo(JobStatus.CANCELED);
        awaitNoThreadsOf("source", "sink");
        awaitAllSlotsFree();
    }

    @Test
    void when_jobNeedsMoreSlotsThanTheClusterCanHave_then_itFailsSayingWhy() throws Exception {
        startCluster(1, 2);

        JobID jobId = client.submitJob(twoVertexJob("", 4)).get();
        JobResult result = resultOf(jobId);

        assertThat(result.status()).isEqualTo(JobStatus.FAILED);
        assertThat(result.failureCause())
                .isInstanceOf(NoResourceAvailableException.class)
                .hasMessage("Job needs 4 slots but the cluster has 2 (local.number-taskmanager=1 x taskmanager.numberOfTaskSlots=2)");
        assertThat(tasks.tasks()).isEmpty();
    }

    @Test
    void when_slotsAreBusy_then_aJobWaitsForThem_andRunsWhenTheyAreFree() throws Exception {
        startCluster(1, 2);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        tasks.behave("a-source", awaitThenFinish(releaseFirst));
        tasks.behave("a-sink", awaitThenFinish(releaseFirst));
        JobID first = client.submitJob(twoVertexJob("a-", 2)).get();
        awaitRunning(tasks::tasks, 4);

        JobID second = client.submitJob(twoVertexJob("b-", 2)).get();
        await().atMost(TIMEOUT).until(() -> client.getJobStatus(second).get() == JobStatus.RUNNING);
        ResourceManagerGateway rm = cluster.getResourceManagerGateway().get();
        assertThat(rm.requestResourceOverview().get()).isEqualTo(new ResourceOverview(1, 2, 0));
        assertThat(tasks.tasksOf("b-source")).isEmpty();
        releaseFirst.countDown();

        assertThat(resultOf(first).status()).isEqualTo(JobStatus.FINISHED);
        assertThat(resultOf(second).status()).isEqualTo(JobStatus.FINISHED);
        assertThat(tasks.tasksOf("b-source")).hasSize(2);
    }

    @Test
    void when_slotsDoNotFreeUpInTime_then_theWaitingJobFails() throws Exception {
        startCluster(new Configuration()
                .set(LocalClusterOptions.NUM_TASK_MANAGERS, 1)
                .set(TaskManagerOptions.NUM_TASK_SLOTS, 2)
                .set(JobManagerOptions.SLOT_REQUEST_TIMEOUT, Duration.ofMillis(300)));
        tasks.behave("a-source", runUntilCanceled());
        tasks.behave("a-sink", runUntilCanceled());
        JobID first = client.submitJob(twoVertexJob("a-", 2)).get();
        awaitRunning(tasks::tasks, 4);

        JobID second = client.submitJob(twoVertexJob("b-", 2)).get();
        JobResult result = resultOf(second);

        assertThat(result.status()).isEqualTo(JobStatus.FAILED);
        assertThat(result.failureCause())
                .isInstanceOf(NoResourceAvailableException.class)
                .hasMessage("Could not obtain 2 slots for job " + second
                        + " within 300 ms (slot.request.timeout): 0 of 2 slots are free");
        assertThat(client.getJobStatus(first).get()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void when_oneOfTwoConcurrentJobsFails_then_theOtherFinishesUntouched() throws Exception {
        startCluster(2, 2);
        CountDownLatch otherRunning = new CountDownLatch(1);
        CountDownLatch releaseOther = new CountDownLatch(1);
        tasks.behave("a-source", runUntilCanceled());
        tasks.behave("a-sink", t -> {
            otherRunning.await();
            throw new IllegalStateException("job a fails");
        });
        tasks.behave("b-source", finishWith(i -> Map.of("n", new LongCounter(1))));
        tasks.behave("b-sink", awaitThenFinish(releaseOther));

        JobID failing = client.submitJob(twoVertexJob("a-", 2)).get();
        JobID finishing = client.submitJob(twoVertexJob("b-", 2)).get();
        awaitRunning(() -> tasks.tasksOf("b-sink"), 2);
        otherRunning.countDown();
        JobResult failed = resultOf(failing);
        assertThat(client.getJobStatus(finishing).get()).isEqualTo(JobStatus.RUNNING);
        releaseOther.countDown();
        JobResult finished = resultOf(finishing);

        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.failureCause()).hasMessageContaining("Operator 'a-sink'");
        assertThat(finished.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(finished.accumulatorResults()).containsExactly(entry("n", 2L));
        List<TestingTask> other = List.of(tasks.tasksOf("b-source").get(0), tasks.tasksOf("b-source").get(1),
                tasks.tasksOf("b-sink").get(0), tasks.tasksOf("b-sink").get(1));
        assertThat(other).allSatisfy(t -> {
            assertThat(t.cancelCalls()).isZero();
            assertThat(t.lastState()).isEqualTo(ExecutionState.FINISHED);
        });
        awaitAllSlotsFree();
    }

    @Test
    void when_listenerIsAddedAfterTheJobEnded_then_itHearsEveryChangeInOrder() throws Exception {
        startCluster(1, 2);
        JobID jobId = client.submitJob(twoVertexJob("", 2)).get();
        resultOf(jobId);

        TestingJobStatusRecorder recorder = follow(jobId);

        await().atMost(TIMEOUT).until(recorder::hasEnded);
        assertThat(recorder.statuses()).containsExactly(JobStatus.CREATED, JobStatus.RUNNING, JobStatus.FINISHED);
        List<TestingJobStatusRecorder.Change> changes = recorder.changes();
        assertThat(changes).allSatisfy(c -> assertThat(c.jobId()).isEqualTo(jobId));
        for (int i = 1; i < changes.size(); i++) {
            assertThat(changes.get(i).timestampMillis()).isGreaterThanOrEqualTo(changes.get(i - 1).timestampMillis());
        }
    }

    @Test
    void when_listenerIsAddedWhileTheJobRuns_then_itHearsThePastThenTheRest_withoutRepeats() throws Exception {
        startCluster(1, 2);
        CountDownLatch release = new CountDownLatch(1);
        tasks.behave("source", awaitThenFinish(release));
        JobID jobId = client.submitJob(twoVertexJob("", 2)).get();
        awaitRunning(() -> tasks.tasksOf("source"), 2);

        TestingJobStatusRecorder recorder = follow(jobId);
        await().atMost(TIMEOUT).until(() -> recorder.statuses().size() == 2);
        assertThat(recorder.statuses()).containsExactly(JobStatus.CREATED, JobStatus.RUNNING);
        release.countDown();

        await().atMost(TIMEOUT).until(recorder::hasEnded);
        assertThat(recorder.statuses()).containsExactly(JobStatus.CREATED, JobStatus.RUNNING, JobStatus.FINISHED);
    }

    @Test
    void when_callsCarryAStaleFencingToken_then_leadersRejectThem() throws Exception {
        startCluster(1, 2);
        tasks.behave("source", runUntilCanceled());
        JobID jobId = client.submitJob(twoVertexJob("", 2)).get();
        awaitRunning(() -> tasks.tasksOf("source"), 2);
        DispatcherGateway dispatcher = cluster.getDispatcherGateway().get();
        LeaderInformation jobMaster = LeaderRetrievalUtils
                .retrieveLeader(cluster.getHaServices().getJobMasterLeaderRetriever(jobId))
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        ResourceManagerGateway resourceManager = cluster.getResourceManagerGateway().get();

        UUID stale = UUID.randomUUID();
        DispatcherGateway staleDispatcher =
                cluster.getRpcService().connect(dispatcher.getAddress(), stale, DispatcherGateway.class).get();
        JobMasterGateway staleJobMaster =
                cluster.getRpcService().connect(jobMaster.address(), stale, JobMasterGateway.class).get();
        ResourceManagerGateway staleResourceManager =
                cluster.getRpcService().connect(resourceManager.getAddress(), stale, ResourceManagerGateway.class).get();

        assertThatThrownBy(() -> staleDispatcher.cancelJob(jobId).get()).cause().isInstanceOf(FencingTokenException.class);
        assertThatThrownBy(() -> staleJobMaster.cancel().get()).cause().isInstanceOf(FencingTokenException.class);
        assertThatThrownBy(() -> staleResourceManager.releaseSlots(jobId).get())
                .cause().isInstanceOf(FencingTokenException.class);
        assertThat(client.getJobStatus(jobId).get()).isEqualTo(JobStatus.RUNNING);
        assertThat(tasks.tasks()).allSatisfy(t -> assertThat(t.cancelCalls()).isZero());
        JobMasterGateway current = cluster.getRpcService()
                .connect(jobMaster.address(), jobMaster.leaderSessionId(), JobMasterGateway.class).get();
        assertThat(current.requestJobStatus().get()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void when_aReportNamesAnExecutionTheJobDoesNotHave_then_theJobMasterRejectsIt() throws Exception {
        startCluster(1, 2);
        tasks.behave("source", runUntilCanceled());
        JobID jobId = client.submitJob(twoVertexJob("", 2)).get();
        awaitRunning(() -> tasks.tasksOf("source"), 2);
        LeaderInformation leader = LeaderRetrievalUtils
                .retrieveLeader(cluster.getHaServices().getJobMasterLeaderRetriever(jobId))
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JobMasterGateway jobMaster = cluster.getRpcService()
                .connect(leader.address(), leader.leaderSessionId(), JobMasterGateway.class).get();
        ExecutionAttemptID known = tasks.tasksOf("source").get(0).descriptor().executionId();
        ExecutionAttemptID unknown = new ExecutionAttemptID(known.vertexId(), 7);

        assertThatThrownBy(() -> jobMaster.updateTaskExecutionState(
                        new TaskExecutionState(jobId, unknown, ExecutionState.FAILED, null, null)).get())
                .cause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Job " + jobId + " has no execution " + unknown);
        assertThat(jobMaster.requestJobStatus().get()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void when_jobsAreListed_then_everyJobAppearsInSubmissionOrderWithItsStatus() throws Exception {
        startCluster(1, 2);
        tasks.behave("b-source", runUntilCanceled());
        JobGraph first = twoVertexJob("a-", 1);
        JobID firstId = client.submitJob(first).get();
        resultOf(firstId);
        JobID secondId = client.submitJob(twoVertexJob("b-", 1)).get();
        awaitRunning(() -> tasks.tasksOf("b-source"), 1);

        List<JobStatusMessage> jobs = ((DispatcherClusterClient) client).listJobs().get();

        assertThat(jobs).extracting(JobStatusMessage::jobId, JobStatusMessage::jobName, JobStatusMessage::status)
                .containsExactly(
                        tuple(firstId, "a-job", JobStatus.FINISHED),
                        tuple(secondId, "b-job", JobStatus.RUNNING));
    }

    @Test
    void when_jobIsUnknown_then_requestsFailNamingIt() throws Exception {
        startCluster(1, 1);
        JobID unknown = JobID.generate();

        assertThatThrownBy(() -> client.requestJobResult(unknown).get())
                .cause()
                .isInstanceOf(JobNotFoundException.class)
                .hasMessageContaining(unknown.toHexString());
        assertThatThrownBy(() -> client.cancel(unknown).get()).cause().isInstanceOf(JobNotFoundException.class);
    }

    @Test
    void when_sameJobIsSubmittedTwice_then_theSecondSubmissionFails() throws Exception {
        startCluster(1, 2);
        JobGraph job = twoVertexJob("", 2);
        client.submitJob(job).get();

        assertThatThrownBy(() -> client.submitJob(job).get())
                .cause()
                .hasMessage("Job " + job.getJobId() + " was already submitted to this cluster");
    }

    @Test
    void when_clusterIsClosed_then_allItsThreadsEnd_evenWithAJobRunning() throws Exception {
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        startCluster(2, 1);
        tasks.behave("source", runUntilCanceled());
        tasks.behave("sink", runUntilCanceled());
        JobID jobId = client.submitJob(twoVertexJob("", 2)).get();
        awaitRunning(tasks::tasks, 4);
        List<String> clusterThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.getName().startsWith("millrace-"))
                .map(Thread::getName)
                .toList();
        assertThat(clusterThreads).contains("millrace-dispatcher", "millrace-resourcemanager",
                "millrace-taskexecutor-taskmanager-1", "millrace-taskexecutor-taskmanager-2",
                "millrace-jobmaster-" + jobId, "millrace-ha-embedded");

        client.close();
        client = null;

        await().atMost(TIMEOUT).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> !before.contains(t) && t.isAlive()
                        && (t.getName().startsWith("millrace-") || t.getName().startsWith("source (")
                                || t.getName().startsWith("sink ("))));
        assertThat(tasks.tasks()).allSatisfy(t -> assertThat(t.lastState()).isEqualTo(ExecutionState.CANCELED));
    }

    @Test
    void when_clientIsClosed_then_listenersOfEndedJobsHearTheEnd_butRunningJobsAreNotAwaited() throws Exception {
        startCluster(1, 2);
        tasks.behave("b-source", runUntilCanceled());
        JobID ended = client.submitJob(twoVertexJob("a-", 1)).get();
        resultOf(ended);
        TestingJobStatusRecorder endedRecorder = follow(ended);
        JobID running = client.submitJob(twoVertexJob("b-", 1)).get();
        awaitRunning(() -> tasks.tasksOf("b-source"), 1);
        follow(running);

        long start = System.nanoTime();
        client.close();
        client = null;

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(endedRecorder.statuses()).containsExactly(JobStatus.CREATED, JobStatus.RUNNING, JobStatus.FINISHED);
    }

    @Test
    void when_threadsOfTheClusterRun_then_theyAreDaemons() throws Exception {
        startCluster(1, 1);
        client.submitJob(twoVertexJob("", 1)).get();
        cluster.getResourceManagerGateway().get();

        assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(t -> t.getName().startsWith("millrace-"))
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.isDaemon()).as(t.getName()).isTrue());
    }
}
