package org.millrace.ha;

import org.millrace.api.JobID;

/**
 * High-availability services: leader election and leader retrieval for the Dispatcher, the
 * ResourceManager and each job's JobMaster, and the stores a new leader recovers from. Found through
 * {@code high-availability.type}: {@code NONE} gives {@link EmbeddedHaServices}, {@code zookeeper}
 * the Curator-based implementation in the {@code ha-zookeeper} module.
 *
 * <p>The checkpoint id counter and the completed-checkpoint store join this interface with
 * checkpointing (per job, like {@link #getJobMasterLeaderElection}).
 *
 * <p>Thread-safe; every getter returns a new, unstarted service.
 */
public interface HaServices extends AutoCloseable {

    LeaderElection getDispatcherLeaderElection();

    LeaderRetrievalService getDispatcherLeaderRetriever();

    LeaderElection getResourceManagerLeaderElection();

    LeaderRetrievalService getResourceManagerLeaderRetriever();

    LeaderElection getJobMasterLeaderElection(JobID jobId);

    LeaderRetrievalService getJobMasterLeaderRetriever(JobID jobId);

    JobGraphStore getJobGraphStore();

    /** Drops what the services hold for a job that has ended (its election, its stored graph). */
    void cleanupJobData(JobID jobId) throws Exception;

    /** Stops the services; the stored data stays (a restarted cluster may recover it). */
    @Override
    void close() throws Exception;
}
