package org.millrace.jobmaster;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.millrace.graph.DistributionPattern;
import org.millrace.graph.ExecutionAttemptID;
import org.millrace.graph.ExecutionGraph;
import org.millrace.graph.ExecutionVertex;
import org.millrace.graph.ExecutionVertexID;
import org.millrace.graph.JobEdge;
import org.millrace.graph.JobVertex;
import org.millrace.network.ConnectionID;
import org.millrace.network.InputChannelDeploymentDescriptor;
import org.millrace.network.InputGateDeploymentDescriptor;
import org.millrace.network.ResultPartitionDeploymentDescriptor;
import org.millrace.network.ResultPartitionID;
import org.millrace.task.TaskDeploymentDescriptor;

/**
 * Builds deployment descriptors without the ExecutionGraph: one partition per output edge, one gate per
 * input edge whose channels name the producers' locations (as the JobMaster resolved them).
 */
public final class TestingDeploymentDescriptors implements DeploymentDescriptorFactory {

    @Override
    public TaskDeploymentDescriptor create(
            ExecutionGraph graph, ExecutionVertex vertex, int attempt, Function<ExecutionVertexID, ConnectionID> locationOf) {
        JobVertex jobVertex = vertex.getJobVertex();
        int subtask = vertex.getSubtaskIndex();
        List<ResultPartitionDeploymentDescriptor> partitions = new ArrayList<>();
        for (JobEdge out : jobVertex.getOutputs()) {
            partitions.add(new ResultPartitionDeploymentDescriptor(
                    new ResultPartitionID(out.getDataSetId(), subtask, attempt), out.getTarget().getParallelism()));
        }
        List<InputGateDeploymentDescriptor> gates = new ArrayList<>();
        for (JobEdge in : jobVertex.getInputs()) {
            List<InputChannelDeploymentDescriptor> channels = new ArrayList<>();
            boolean allToAll = in.getDistributionPattern() == DistributionPattern.ALL_TO_ALL;
            for (int p = allToAll ? 0 : subtask; p < (allToAll ? in.getSource().getParallelism() : subtask + 1); p++) {
                channels.add(new InputChannelDeploymentDescriptor(
                        new ResultPartitionID(in.getDataSetId(), p, 0),
                        locationOf.apply(new ExecutionVertexID(in.getSource().getId(), p))));
            }
            gates.add(new InputGateDeploymentDescriptor(in.getDataSetId(), subtask, channels));
        }
        return new TaskDeploymentDescriptor(
                graph.getJobGraph().getJobId(),
                graph.getJobGraph().getName(),
                new ExecutionAttemptID(vertex.getId(), attempt),
                jobVertex.getName(),
                subtask,
                jobVertex.getParallelism(),
                jobVertex.getMaxParallelism(),
                jobVertex.getSerializedTaskConfig(),
                partitions,
                gates,
                graph.getJobGraph().getUserJars(), null);
    }
}
