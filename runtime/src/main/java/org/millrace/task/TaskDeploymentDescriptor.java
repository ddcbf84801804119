package org.millrace.task;

import org.millrace.checkpoint.TaskRestore;
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
 * gates it reads, and the checkpointed state it starts from, if any. Sent by the JobMaster with the
 * deployment call.
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
        List<URI> userJars,
        TaskRestore taskRestore)
        implements Serializable {

    /** This descriptor with the state the subtask starts from (null: none). */
    public TaskDeploymentDescriptor withTaskRestore(TaskRestore restore) {
        return new TaskDeploymentDescriptor(jobId, jobName, executionId, taskName, subtaskIndex, parallelism,
                maxParallelism, serializedTaskConfig, producedPartitions, inputGates, userJars, restore);
    }

    /** "name (i/n)", 1-based as users count subtasks. */
    public String taskNameWithSubtask() {
        return taskName + " (" + (subtaskIndex + 1) + "/" + parallelism + ")";
    }
}
