package org.millrace.ha;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.millrace.api.JobID;

/**
 * HA services without HA ({@code high-availability.type: NONE}): elections among the contenders of
 * this JVM, an in-memory job graph store. The local cluster uses them; so does a YARN application
 * without ZooKeeper (then a new AM attempt starts from scratch).
 *
 * <p>Thread-safe. Leader callbacks run on one daemon thread, {@code millrace-ha-embedded}.
 */
public final class EmbeddedHaServices implements HaServices {

    private final ExecutorService notifier;
    private final Supplier<UUID> sessionIds;
    private final EmbeddedLeaderService dispatcher;
    private final EmbeddedLeaderService resourceManager;
    private final ConcurrentHashMap<JobID, EmbeddedLeaderService> jobMasters = new ConcurrentHashMap<>();
    private final EmbeddedJobGraphStore jobGraphStore = new EmbeddedJobGraphStore();

    public EmbeddedHaServices() {
        this("millrace-ha-embedded", UUID::randomUUID);
    }

    /** Elections that hand out {@code sessionIds}; callbacks on a daemon thread named {@code threadName}. */
    EmbeddedHaServices(String threadName, Supplier<UUID> sessionIds) {
        this.notifier = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        this.sessionIds = sessionIds;
        this.dispatcher = new EmbeddedLeaderService("dispatcher", notifier, sessionIds);
        this.resourceManager = new EmbeddedLeaderService("resource manager", notifier, sessionIds);
    }

    /** The thread leader callbacks run on. */
    Executor notifier() {
        return notifier;
    }

    @Override
    public LeaderElection getDispatcherLeaderElection() {
        return dispatcher.newLeaderElection();
    }

    @Override
    public LeaderRetrievalService getDispatcherLeaderRetriever() {
        return dispatcher.newLeaderRetrievalService();
    }

    @Override
    public LeaderElection getResourceManagerLeaderElection() {
        return resourceManager.newLeaderElection();
    }

    @Override
    public LeaderRetrievalService getResourceManagerLeaderRetriever() {
        return resourceManager.newLeaderRetrievalService();
    }

    @Override
    public LeaderElection getJobMasterLeaderElection(JobID jobId) {
        return jobMaster(jobId).newLeaderElection();
    }

    @Override
    public LeaderRetrievalService getJobMasterLeaderRetriever(JobID jobId) {
        return jobMaster(jobId).newLeaderRetrievalService();
    }

    private EmbeddedLeaderService jobMaster(JobID jobId) {
        return jobMasters.computeIfAbsent(jobId, id -> new EmbeddedLeaderService("job master of " + id, notifier, sessionIds));
    }

    @Override
    public JobGraphStore getJobGraphStore() {
        return jobGraphStore;
    }

    @Override
    public void cleanupJobData(JobID jobId) {
        jobMasters.remove(jobId);
        jobGraphStore.removeJobGraph(jobId);
    }

    @Override
    public void close() throws InterruptedException {
        // pending notifications are dropped: their receivers are shutting down too
        notifier.shutdownNow();
        notifier.awaitTermination(10, TimeUnit.SECONDS);
    }
}
