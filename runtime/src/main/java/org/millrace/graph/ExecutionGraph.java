package org.millrace.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.millrace.network.ConnectionID;
import org.millrace.network.InputChannelDeploymentDescriptor;
import org.millrace.network.InputGateDeploymentDescriptor;
import org.millrace.network.ResultPartitionDeploymentDescriptor;
import org.millrace.network.ResultPartitionID;
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
        JobVertex jv = vertex.getJobVertex();
        int i = vertex.getSubtaskIndex();
        List<ResultPartitionDeploymentDescriptor> partitions = new ArrayList<>();
        for (JobEdge out : jv.getOutputs()) {
            int subpartitions = out.getDistributionPattern() == DistributionPattern.POINTWISE ? 1 : out.getTarget().getParallelism();
            partitions.add(new ResultPartitionDeploymentDescriptor(
                    new ResultPartitionID(out.getDataSetId(), i, attempt), subpartitions));
        }
        List<InputGateDeploymentDescriptor> gates = new ArrayList<>();
        for (JobEdge in : jv.getInputs()) {
            JobVertex producer = in.getSource();
            List<InputChannelDeploymentDescriptor> channels = new ArrayList<>();
            int consumedSubpartition;
            if (in.getDistributionPattern() == DistributionPattern.POINTWISE) {
                // forward: equal parallelism, producer i feeds consumer i through its only subpartition
                consumedSubpartition = 0;
                channels.add(channelFrom(in, producer, i, attempt, locationOf));
            } else {
                consumedSubpartition = i;
                for (int p = 0; p < producer.getParallelism(); p++) {
                    channels.add(channelFrom(in, producer, p, attempt, locationOf));
                }
            }
            gates.add(new InputGateDeploymentDescriptor(in.getDataSetId(), consumedSubpartition, channels));
        }
        return new TaskDeploymentDescriptor(
                jobGraph.getJobId(),
                jobGraph.getName(),
                new ExecutionAttemptID(vertex.getId(), attempt),
                jv.getName(),
                i,
                jv.getParallelism(),
                jv.getMaxParallelism(),
                jv.getSerializedTaskConfig(),
                partitions,
                gates,
                jobGraph.getUserJars(), null);
    }

    private static InputChannelDeploymentDescriptor channelFrom(
            JobEdge edge, JobVertex producer, int producerSubtask, int attempt,
            Function<ExecutionVertexID, ConnectionID> locationOf) {
        ConnectionID where = locationOf.apply(new ExecutionVertexID(producer.getId(), producerSubtask));
        return new InputChannelDeploymentDescriptor(
                new ResultPartitionID(edge.getDataSetId(), producerSubtask, attempt), where);
    }
}
