package org.millrace.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.millrace.configuration.Configuration;

/**
 * The operator-level plan of a job: one node per operator with its resolved parallelism, edges with
 * partitioners. Nodes are in topological order. Turned into a {@link JobGraph} by
 * {@link JobGraphGenerator}, which chains operators into tasks.
 */
public final class StreamGraph {

    private final String jobName;
    private final Configuration configuration;
    private final List<StreamNode> nodes = new ArrayList<>();

    StreamGraph(String jobName, Configuration configuration) {
        this.jobName = jobName;
        this.configuration = configuration;
    }

    public String getJobName() {
        return jobName;
    }

    public Configuration getConfiguration() {
        return configuration;
    }

    /** The nodes, producers before consumers. */
    public List<StreamNode> getNodes() {
        return Collections.unmodifiableList(nodes);
    }

    public StreamNode getNode(int id) {
        for (StreamNode n : nodes) {
            if (n.getId() == id) {
                return n;
            }
        }
        throw new IllegalArgumentException("No node " + id);
    }

    void addNode(StreamNode node) {
        nodes.add(node);
    }

    void addEdge(StreamNode source, StreamNode target, org.millrace.graph.partitioner.StreamPartitioner<?> partitioner,
            org.millrace.api.util.OutputTag<?> outputTag) {
        StreamEdge e = new StreamEdge(source, target, partitioner, outputTag);
        source.getOutEdges().add(e);
        target.getInEdges().add(e);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("StreamGraph '" + jobName + "'\n");
        for (StreamNode n : nodes) {
            sb.append("  ").append(n);
            for (StreamEdge e : n.getOutEdges()) {
                sb.append(" -").append(e.getPartitioner()).append("-> ").append(e.getTarget());
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
