package org.millrace.ha;

import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import org.millrace.api.JobID;

/**
 * HA services of a cluster without HA whose processes find each other by fixed addresses (Flink's
 * standalone mode): every leader holds the fixed session {@link #DEFAULT_LEADER_ID}, and the
 * Dispatcher and ResourceManager are found at the addresses given here (from
 * {@code jobmanager.rpc.address}/{@code jobmanager.rpc.port}), so a TaskManager in another process
 * needs nothing but that address to register. Elections and JobMaster retrieval work among the
 * contenders of this JVM, as in {@link EmbeddedHaServices}; the job graph store is in memory.
 *
 * <p>In the JobManager's process ({@link #forJobManager}) Dispatcher and ResourceManager retrieval wait
 * for the local leader to confirm, so that no call reaches it before it leads; elsewhere
 * ({@link #forTaskManager}) they name the fixed address at once, and callers retry until it answers.
 *
 * <p>Thread-safe. Leader callbacks run on one daemon thread, {@code millrace-ha-standalone}.
 */
public final class StandaloneHaServices implements HaServices {

    /** The session id of every leader of a standalone cluster: the fencing token all its processes know. */
    public static final UUID DEFAULT_LEADER_ID = new UUID(0L, 0L);

    /** Endpoint ids of the JobManager's components on its RPC service. */
    public static final String RESOURCE_MANAGER_ENDPOINT = "resourcemanager";
    public static final String DISPATCHER_ENDPOINT = "dispatcher";

    private final String dispatcherAddress;
    private final String resourceManagerAddress;
    /** Whether the Dispatcher and the ResourceManager run in this JVM. */
    private final boolean leadersHere;
    /** Elections, JobMaster retrieval and the job graph store: those of one JVM, with the fixed session id. */
    private final EmbeddedHaServices local = new EmbeddedHaServices("millrace-ha-standalone", () -> DEFAULT_LEADER_ID);

    private StandaloneHaServices(String jobManagerHost, int jobManagerPort, boolean leadersHere) {
        String hostPort = jobManagerHost + ":" + jobManagerPort;
        this.dispatcherAddress = hostPort + "/" + DISPATCHER_ENDPOINT;
        this.resourceManagerAddress = hostPort + "/" + RESOURCE_MANAGER_ENDPOINT;
        this.leadersHere = leadersHere;
    }

    /** For the JobManager's own process, whose RPC service is reachable at {@code host:port}. */
    public static StandaloneHaServices forJobManager(String host, int port) {
        return new StandaloneHaServices(host, port, true);
    }

    /** For a process (a TaskManager) finding the JobManager's components at {@code host:port}. */
    public static StandaloneHaServices forTaskManager(String jobManagerHost, int jobManagerPort) {
        return new StandaloneHaServices(jobManagerHost, jobManagerPort, false);
    }

    @Override
    public LeaderElection getDispatcherLeaderElection() {
        return local.getDispatcherLeaderElection();
    }

    @Override
    public LeaderRetrievalService getDispatcherLeaderRetriever() {
        return leadersHere ? local.getDispatcherLeaderRetriever() : new FixedLeaderRetrieval(dispatcherAddress);
    }

    @Override
    public LeaderElection getResourceManagerLeaderElection() {
        return local.getResourceManagerLeaderElection();
    }

    @Override
    public LeaderRetrievalService getResourceManagerLeaderRetriever() {
        return leadersHere ? local.getResourceManagerLeaderRetriever() : new FixedLeaderRetrieval(resourceManagerAddress);
    }

    @Override
    public LeaderElection getJobMasterLeaderElection(JobID jobId) {
        return local.getJobMasterLeaderElection(jobId);
    }

    /** Knows only the JobMasters of this JVM (TaskManagers get a JobMaster's gateway with each deployment). */
    @Override
    public LeaderRetrievalService getJobMasterLeaderRetriever(JobID jobId) {
        return local.getJobMasterLeaderRetriever(jobId);
    }

    @Override
    public JobGraphStore getJobGraphStore() {
        return local.getJobGraphStore();
    }

    @Override
    public void cleanupJobData(JobID jobId) {
        local.cleanupJobData(jobId);
    }

    @Override
    public void close() throws InterruptedException {
        local.close();
    }

    /**
     * Names the fixed address as leader at once, whether or not anything answers there yet: callers
     * retry (a TaskExecutor's registration) or fail with a clear "Cannot reach" (the RPC service).
     */
    private final class FixedLeaderRetrieval implements LeaderRetrievalService {
        private final String address;

        FixedLeaderRetrieval(String address) {
            this.address = address;
        }

        @Override
        public void start(LeaderRetrievalListener listener) {
            try {
                local.notifier().execute(() -> listener.notifyLeaderAddress(address, DEFAULT_LEADER_ID));
            } catch (RejectedExecutionException e) {
                // the services are closed: so is whoever listens
            }
        }

        @Override
        public void close() {}
    }
}
