package org.millrace.ha;

import java.util.Collection;
import org.millrace.api.JobID;
import org.millrace.graph.JobGraph;

/**
 * Where the Dispatcher keeps the job graphs of jobs that have not ended, so that a new leader can
 * recover them. Embedded: in memory (lost with the process); ZooKeeper: a node per job pointing at the
 * graph in {@code high-availability.storageDir}. May block on I/O; thread-safe.
 */
public interface JobGraphStore {

    void putJobGraph(JobGraph jobGraph) throws Exception;

    /** The stored graph, or null if there is none. */
    JobGraph recoverJobGraph(JobID jobId) throws Exception;

    void removeJobGraph(JobID jobId) throws Exception;

    Collection<JobID> getJobIds() throws Exception;
}
