package org.millrace.jobmaster;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.millrace.cluster.JobResult;
import org.millrace.cluster.JobStatusListener;
import org.millrace.graph.JobGraph;
import org.millrace.ha.LeaderContender;
import org.millrace.ha.LeaderElection;
import org.millrace.rpc.AutoCloseableAsync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job's {@link JobMaster} while it holds the job's leadership: the Dispatcher creates one per
 * submitted job; when the HA services grant leadership, it starts the JobMaster with the leader session
 * id as fencing token and publishes its address.
 *
 * <p>Called from the Dispatcher's main thread (start, close, getters) and the HA notification thread
 * (leader callbacks); {@code lock} guards the JobMaster reference.
 */
public final class JobManagerRunner implements LeaderContender, AutoCloseableAsync {

    private static final Logger LOG = LoggerFactory.getLogger(JobManagerRunner.class);

    private final JobGraph jobGraph;
    private final JobMasterServices services;
    private final JobStatusListener statusListener;
    private final LeaderElection leaderElection;
    private final CompletableFuture<JobResult> resultFuture = new CompletableFuture<>();
    private final CompletableFuture<JobMasterGateway> gatewayFuture = new CompletableFuture<>();
    private final Object lock = new Object();

    /** Guarded by {@code lock}. */
    private JobMaster jobMaster;
    /** Guarded by {@code lock}. */
    private boolean closed;

    public JobManagerRunner(JobGraph jobGraph, JobMasterServices services, JobStatusListener statusListener) {
        this.jobGraph = jobGraph;
        this.services = services;
        this.statusListener = statusListener;
        this.leaderElection = services.haServices().getJobMasterLeaderElection(jobGraph.getJobId());
    }

    public void start() {
        registerUserCodeClassLoader();
        leaderElection.startLeaderElection(this);
    }

    /**
     * Lets the RPC service read what the job's tasks send that only the job's jars know (accumulators of
     * user types), until the job has ended. Exceptions of user types arrive already made readable.
     */
    private void registerUserCodeClassLoader() {
        if (jobGraph.getUserJars().isEmpty()) {
            return;
        }
        URL[] urls = new URL[jobGraph.getUserJars().size()];
        try {
            for (int i = 0; i < urls.length; i++) {
                urls[i] = jobGraph.getUserJars().get(i).toURL();
            }
        } catch (MalformedURLException | IllegalArgumentException e) {
            LOG.warn("Job {} ships jars this JobManager cannot read ({}); values of user types from its tasks"
                    + " will not be readable", jobGraph.getJobId(), e.toString());
            return;
        }
        URLClassLoader loader = new URLClassLoader("jobmanager-" + jobGraph.getJobId(), urls,
                JobManagerRunner.class.getClassLoader());
        services.rpcService().registerUserCodeClassLoader(jobGraph.getJobId(), loader);
        resultFuture.whenComplete((result, error) -> {
            services.rpcService().unregisterUserCodeClassLoader(jobGraph.getJobId());
            try {
                loader.close();
            } catch (IOException e) {
                LOG.debug("Could not close the class loader of job {}", jobGraph.getJobId(), e);
            }
        });
    }

    /** Completes when the job has ended; fails if the runner is closed first. */
    public CompletableFuture<JobResult> getResultFuture() {
        return resultFuture;
    }

    /** The JobMaster's gateway, once it leads. */
    public CompletableFuture<JobMasterGateway> getJobMasterGateway() {
        return gatewayFuture;
    }

    @Override
    public void grantLeadership(UUID leaderSessionId) {
        JobMaster started;
        synchronized (lock) {
            if (closed || jobMaster != null) {
                return;
            }
            try {
                started = new JobMaster(jobGraph, leaderSessionId, services, statusListener);
                started.start();
            } catch (RuntimeException e) {
                resultFuture.completeExceptionally(e);
                return;
            }
            jobMaster = started;
        }
        started.getResultFuture().whenComplete((result, error) -> {
            if (error != null) {
                resultFuture.completeExceptionally(error);
            } else {
                resultFuture.complete(result);
            }
        });
        leaderElection.confirmLeadership(leaderSessionId, started.getAddress());
        services.rpcService()
                .connect(started.getAddress(), leaderSessionId, JobMasterGateway.class)
                .whenComplete((gateway, error) -> {
                    if (error != null) {
                        gatewayFuture.completeExceptionally(error);
                    } else {
                        gatewayFuture.complete(gateway);
                    }
                });
    }

    @Override
    public void revokeLeadership() {
        // next round (ZooKeeper HA): suspend the JobMaster so that the new leader takes the job over;
        // embedded HA never revokes a job's leadership
        LOG.warn("Job {} lost its leadership", jobGraph.getJobId());
    }

    @Override
    public void handleError(Exception exception) {
        resultFuture.completeExceptionally(exception);
    }

    /** Stops the JobMaster (if running) and withdraws from the election. */
    @Override
    public CompletableFuture<Void> closeAsync() {
        JobMaster toStop;
        synchronized (lock) {
            closed = true;
            toStop = jobMaster;
        }
        leaderElection.close();
        CompletableFuture<Void> stopped = toStop == null ? CompletableFuture.completedFuture(null) : toStop.closeAsync();
        return stopped.whenComplete((ignored, error) -> {
            IllegalStateException notEnded = new IllegalStateException(
                    "The JobManager of job " + jobGraph.getJobId() + " was closed before the job ended");
            resultFuture.completeExceptionally(notEnded);
            gatewayFuture.completeExceptionally(notEnded);
        });
    }
}
