package org.millrace.ha;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.millrace.api.JobID;

/**
 * HA services without HA ({@code high-availability.type: NONE}): elections among the contenders of
 * this JVM, an in-memory job graph store. The local cluster uses them; so does a YARN application
 * without ZooKeeper (then a new AM attempt starts from scratch).
 *
 * <p>Thread-safe. Leader callbacks run on one daemon thread, {@code millrace-ha-embedded}.
 */
public final class EmbeddedHaServices implements HaServices {

    private final ExecutorService notifier = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "millrace-ha-embedded");
        t.setDaemon(true);
        return t;
    });
    private final EmbeddedLeaderService dispatcher = new EmbeddedLeaderService("dispatcher", notifier);
    private final EmbeddedLeaderService resourceManager = new EmbeddedLeaderService("resource manager", notifier);
    private final ConcurrentHashMap<JobID, EmbeddedLeaderService> jobMasters = new ConcurrentHashMap<>();
    private final EmbeddedJobGraphStore jobGraphStore = new EmbeddedJobGraphStore();

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
        return jobMasters.computeIfAbsent(jobId, id -> new EmbeddedLeaderService("job master of " + id, notifier));
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
