package org.millrace.ha;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.millrace.api.JobID;
import org.millrace.graph.JobGraph;

/** Keeps job graphs in memory: survives a change of leader within this JVM, not the JVM. Thread-safe. */
final class EmbeddedJobGraphStore implements JobGraphStore {

    private final ConcurrentHashMap<JobID, JobGraph> graphs = new ConcurrentHashMap<>();

    @Override
    public void putJobGraph(JobGraph jobGraph) {
        graphs.put(jobGraph.getJobId(), jobGraph);
    }

    @Override
    public JobGraph recoverJobGraph(JobID jobId) {
        return graphs.get(jobId);
    }

    @Override
    public void removeJobGraph(JobID jobId) {
        graphs.remove(jobId);
    }

    @Override
    public List<JobID> getJobIds() {
        return List.copyOf(graphs.keySet());
    }
}
