package org.millrace.task;

import java.io.Serializable;
import java.net.URI;
import java.util.List;
import org.millrace.api.JobID;
import org.millrace.graph.ExecutionAttemptID;
import org.millrace.network.InputGateDeploymentDescriptor;
import org.millrace.network.ResultPartitionDeploymentDescriptor;

/**
 * Everything a TaskManager needs to run one subtask: identity, the serialized operator chain (user
 * functions included, opened with the job's class loader), the partitions it produces and the
 * gates it reads. Sent by the JobMaster with the deployment call.
 */
public record TaskDeploymentDescriptor(
        JobID jobId,
        String jobName,
        ExecutionAttemptID executionId,
        String taskName,
        int subtaskIndex,
        int parallelism,
        int maxParallelism,
        byte[] serializedTaskConfig,
        List<ResultPartitionDeploymentDescriptor> producedPartitions,
        List<InputGateDeploymentDescriptor> inputGates,
        List<URI> userJars)
        implements Serializable {

    /** "name (i/n)", 1-based as users count subtasks. */
    public String taskNameWithSubtask() {
        return taskName + " (" + (subtaskIndex + 1) + "/" + parallelism + ")";
    }
}
