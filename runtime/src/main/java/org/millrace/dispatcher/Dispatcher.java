package org.millrace.dispatcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.millrace.api.JobID;
import org.millrace.cluster.JobResult;
import org.millrace.graph.JobGraph;
import org.millrace.ha.HaServices;
import org.millrace.ha.JobGraphStore;
import org.millrace.ha.LeaderContender;
import org.millrace.ha.LeaderElection;
import org.millrace.jobmaster.JobManagerRunner;
import org.millrace.jobmaster.JobMasterGateway;
import org.millrace.task.TaskIOReport;
import org.millrace.jobmaster.JobStatus;
import org.millrace.rpc.FencedRpcEndpoint;
import org.millrace.rpc.RpcService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts jobs and runs one JobManager per job; keeps every job's status history (fed by its JobMaster)
 * and result, for clients that follow, list or wait for jobs. A job's end never touches other jobs.
 *
 * <p>Main thread {@code millrace-dispatcher}: all fields below are touched by it only; JobMasters'
 * status callbacks and leader callbacks hop onto it.
 */
public final class Dispatcher extends FencedRpcEndpoint implements DispatcherGateway {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final HaServices haServices;
    private final JobGraphStore jobGraphStore;
    private final JobManagerRunnerFactory runnerFactory;
    private final LeaderElection leaderElection;
    /** Running and ended jobs, in submission order. */
    private final Map<JobID, JobEntry> jobs = new LinkedHashMap<>();

    /** A job as the Dispatcher tracks it. */
    private static final class JobEntry {
        final JobID jobId;
        final String name;
        final long submittedAtMillis = System.currentTimeMillis();
        final JobStatusHistory history = new JobStatusHistory();
        final CompletableFuture<JobResult> result = new CompletableFuture<>();
        JobManagerRunner runner;

        JobEntry(JobGraph jobGraph) {
            this.jobId = jobGraph.getJobId();
            this.name = jobGraph.getName();
        }
    }

    public Dispatcher(RpcService rpcService, HaServices haServices, JobManagerRunnerFactory runnerFactory) {
        super(rpcService, "dispatcher", null);
        this.haServices = haServices;
        this.jobGraphStore = haServices.getJobGraphStore();
        this.runnerFactory = runnerFactory;
        this.leaderElection = haServices.getDispatcherLeaderElection();
    }

    // ------------------------------------------------------------------------
    //  Life cycle and leadership
    // ------------------------------------------------------------------------

    @Override
    protected void onStart() {
        leaderElection.startLeaderElection(new LeaderContender() {
            @Override
            public void grantLeadership(UUID leaderSessionId) {
                runAsyncUnlessStopped(() -> becomeLeader(leaderSessionId));
            }

            @Override
            public void revokeLeadership() {
                // next round (ZooKeeper HA): also stop the job runners; the new leader recovers the jobs
                runAsyncUnlessStopped(() -> setFencingToken(null));
            }

            @Override
            public void handleError(Exception exception) {
                LOG.error("Leader election of the Dispatcher failed", exception);
            }
        });
    }

    private void becomeLeader(UUID leaderSessionId) {
        setFencingToken(leaderSessionId);
        recoverJobs();
        leaderElection.confirmLeadership(leaderSessionId, getAddress());
    }

    /** Runs the jobs a former leader accepted but that did not end (none with embedded HA at first start). */
    private void recoverJobs() {
        try {
            for (JobID jobId : jobGraphStore.getJobIds()) {
                JobGraph graph = jobGraphStore.recoverJobGraph(jobId);
                if (graph != null && !jobs.containsKey(jobId)) {
                    LOG.info("Recovering job {} ({})", graph.getName(), jobId);
                    runJob(graph);
                }
            }
        } catch (Exception e) {
            LOG.error("Could not recover the stored jobs", e);
        }
    }

    @Override
    protected CompletableFuture<Void> onStop() {
        leaderElection.close();
        List<CompletableFuture<Void>> stopped = new ArrayList<>();
        IllegalStateException shutdown = new IllegalStateException("The Dispatcher shut down before the job ended");
        for (JobEntry job : jobs.values()) {
            job.history.failPolls(shutdown);
            job.result.completeExceptionally(shutdown);
            if (job.runner != null) {
                stopped.add(job.runner.closeAsync());
            }
        }
        return CompletableFuture.allOf(stopped.toArray(new CompletableFuture<?>[0]));
    }

    // ------------------------------------------------------------------------
    //  Jobs
    // ------------------------------------------------------------------------

    @Override
    public CompletableFuture<Void> submitJob(JobGraph jobGraph) {
        if (jobs.containsKey(jobGraph.getJobId())) {
            return CompletableFuture.failedFuture(new DuplicateJobSubmissionException(jobGraph.getJobId()));
        }
        if (jobGraph.getVertices().isEmpty()) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException("Job '" + jobGraph.getName() + "' has no operators"));
        }
        try {
            jobGraphStore.putJobGraph(jobGraph);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
        LOG.info("Received job {} ({})", jobGraph.getName(), jobGraph.getJobId());
        runJob(jobGraph);
        return CompletableFuture.completedFuture(null);
    }

    private void runJob(JobGraph jobGraph) {
        JobEntry job = new JobEntry(jobGraph);
        jobs.put(job.jobId, job);
        job.history.add(new JobStatusChange(job.jobId, JobStatus.CREATED, job.submittedAtMillis, null));
        try {
            // the JobMaster reports from its own thread: hop over so the history stays single-threaded
            job.runner = runnerFactory.create(jobGraph, (jobId, status, timestamp, cause) ->
                    runAsyncUnlessStopped(() -> job.history.add(new JobStatusChange(jobId, status, timestamp, cause))));
            job.runner.start();
        } catch (RuntimeException e) {
            onJobEnded(job, null, e);
            return;
        }
        job.runner.getResultFuture()
                .whenCompleteAsync((result, error) -> onJobEnded(job, result, error), getMainThreadExecutor());
    }

    private void onJobEnded(JobEntry job, JobResult result, Throwable error) {
        if (job.result.isDone()) {
            return;
        }
        JobResult ended = error == null
                ? result
                : new JobResult(job.jobId, job.name, JobStatus.FAILED, Map.of(), error, 0);
        if (!job.history.hasEnded()) {
            // the JobMaster ended without reporting a terminal status (it failed to start)
            job.history.add(new JobStatusChange(job.jobId, ended.status(), System.currentTimeMillis(), ended.failureCause()));
        }
        LOG.info("Job {} ({}) ended {}", job.name, job.jobId, ended.status());
        job.result.complete(ended);
        CompletableFuture<Void> stopped = job.runner == null ? CompletableFuture.completedFuture(null) : job.runner.closeAsync();
        stopped.whenComplete((ignored, e) -> {
            try {
                haServices.cleanupJobData(job.jobId);
            } catch (Exception cleanupError) {
                LOG.warn("Could not clean up the HA data of job {}", job.jobId, cleanupError);
            }
        });
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(JobID jobId, String targetDirectory, boolean cancelJob) {
        JobEntry job = jobs.get(jobId);
        if (job == null) {
            return CompletableFuture.failedFuture(new JobNotFoundException(jobId));
        }
        if (job.result.isDone() || job.runner == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "Job " + jobId + " is not running: savepoints are taken of running jobs"));
        }
        LOG.info("{} of job {} ({}) into {}", cancelJob ? "Stop with savepoint" : "Savepoint", job.name, jobId,
                targetDirectory == null ? "the default savepoint directory" : targetDirectory);
        return job.runner.getJobMasterGateway().thenCompose(jm -> jm.triggerSavepoint(targetDirectory, cancelJob));
    }

    @Override
    public CompletableFuture<Void> cancelJob(JobID jobId) {
        JobEntry job = jobs.get(jobId);
        if (job == null) {
            return CompletableFuture.failedFuture(new JobNotFoundException(jobId));
        }
        if (job.result.isDone() || job.runner == null) {
            return CompletableFuture.completedFuture(null);
        }
        LOG.info("Cancelling job {} ({})", job.name, jobId);
        return job.runner.getJobMasterGateway().thenCompose(JobMasterGateway::cancel);
    }

    @Override
    public CompletableFuture<List<TaskIOReport>> requestTaskIOMetrics(JobID jobId) {
        JobEntry job = jobs.get(jobId);
        if (job == null) {
            return CompletableFuture.failedFuture(new JobNotFoundException(jobId));
        }
        if (job.result.isDone() || job.runner == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        return job.runner.getJobMasterGateway().thenCompose(JobMasterGateway::requestTaskIOMetrics);
    }

    @Override
    public CompletableFuture<JobStatus> requestJobStatus(JobID jobId) {
        JobEntry job = jobs.get(jobId);
        return job == null
                ? CompletableFuture.failedFuture(new JobNotFoundException(jobId))
                : CompletableFuture.completedFuture(job.history.latest());
    }

    @Override
    public CompletableFuture<JobResult> requestJobResult(JobID jobId) {
        JobEntry job = jobs.get(jobId);
        return job == null ? CompletableFuture.failedFuture(new JobNotFoundException(jobId)) : job.result;
    }

    @Override
    public CompletableFuture<List<JobStatusMessage>> listJobs() {
        List<JobStatusMessage> list = new ArrayList<>(jobs.size());
        for (JobEntry job : jobs.values()) {
            list.add(new JobStatusMessage(job.jobId, job.name, job.history.latest(), job.submittedAtMillis));
        }
        return CompletableFuture.completedFuture(list);
    }

    @Override
    public CompletableFuture<List<JobStatusChange>> requestJobStatusHistory(JobID jobId, int fromIndex) {
        JobEntry job = jobs.get(jobId);
        return job == null
                ? CompletableFuture.failedFuture(new JobNotFoundException(jobId))
                : job.history.changesFrom(fromIndex);
    }
}
