package org.millrace.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.millrace.network.ConnectionID;
import org.millrace.task.TaskDeploymentDescriptor;

/**
 * The parallel form of a {@link JobGraph}: one {@link ExecutionVertex} per subtask, and the
 * partitions and gates that connect them. The JobMaster's scheduler places vertices in slots and
 * asks this graph for their deployment descriptors.
 *
 * <p>Used from the JobMaster's main thread only.
 */
public final class ExecutionGraph {

    private final JobGraph jobGraph;
    private final List<ExecutionVertex> vertices = new ArrayList<>();

    private ExecutionGraph(JobGraph jobGraph) {
        this.jobGraph = jobGraph;
        for (JobVertex v : jobGraph.getVertices()) {
            for (int i = 0; i < v.getParallelism(); i++) {
                vertices.add(new ExecutionVertex(v, i));
            }
        }
    }

    public static ExecutionGraph build(JobGraph jobGraph) {
        return new ExecutionGraph(jobGraph);
    }

    public JobGraph getJobGraph() {
        return jobGraph;
    }

    /** All subtasks, producers before consumers. */
    public List<ExecutionVertex> getVerticesTopologically() {
        return Collections.unmodifiableList(vertices);
    }

    /**
     * The descriptor deploying {@code vertex} as execution attempt {@code attempt}, given where
     * every subtask runs (consumers locate their producers' partitions with it).
     */
    public TaskDeploymentDescriptor createDeploymentDescriptor(
            ExecutionVertex vertex, int attempt, Function<ExecutionVertexID, ConnectionID> locationOf) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
