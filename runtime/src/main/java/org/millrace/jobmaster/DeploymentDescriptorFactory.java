package org.millrace.jobmaster;

import java.util.function.Function;
import org.millrace.graph.ExecutionGraph;
import org.millrace.graph.ExecutionVertex;
import org.millrace.graph.ExecutionVertexID;
import org.millrace.network.ConnectionID;
import org.millrace.task.TaskDeploymentDescriptor;

/**
 * Where the JobMaster gets a subtask's deployment descriptor: {@link #DEFAULT} asks the
 * ExecutionGraph; tests supply their own. Called from the JobMaster's main thread.
 */
@FunctionalInterface
public interface DeploymentDescriptorFactory {

    DeploymentDescriptorFactory DEFAULT = ExecutionGraph::createDeploymentDescriptor;

    /** The descriptor for attempt {@code attempt} of {@code vertex}; {@code locationOf} says where each subtask runs. */
    TaskDeploymentDescriptor create(
            ExecutionGraph graph,
            ExecutionVertex vertex,
            int attempt,
            Function<ExecutionVertexID, ConnectionID> locationOf)
            throws Exception;
}
