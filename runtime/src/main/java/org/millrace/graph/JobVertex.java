package org.millrace.graph;

import org.millrace.checkpoint.OperatorID;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A node of the {@link JobGraph}: a chain of operators that runs as one task per parallel
 * subtask. Holds the serialized chain configuration that every subtask deserializes.
 */
public final class JobVertex implements Serializable {

    private static final long serialVersionUID = 1L;

    private final JobVertexID id = JobVertexID.random();
    private final String name;
    private final int parallelism;
    private final int maxParallelism;
    private final byte[] serializedTaskConfig;
    private final List<JobEdge> inputs = new ArrayList<>();
    private final List<JobEdge> outputs = new ArrayList<>();
    private final boolean source;
    /** The state identities of the chain's operators, head first. */
    private List<OperatorID> operatorIds = List.of();

    public JobVertex(String name, int parallelism, int maxParallelism, boolean source, byte[] serializedTaskConfig) {
        this.name = name;
        this.parallelism = parallelism;
        this.maxParallelism = maxParallelism;
        this.source = source;
        this.serializedTaskConfig = serializedTaskConfig;
    }

    public JobVertexID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public int getParallelism() {
        return parallelism;
    }

    public int getMaxParallelism() {
        return maxParallelism;
    }

    /** True if the chain starts with a source (no input gates). */
    public boolean isSource() {
        return source;
    }

    public List<OperatorID> getOperatorIds() {
        return operatorIds;
    }

    public void setOperatorIds(List<OperatorID> operatorIds) {
        this.operatorIds = List.copyOf(operatorIds);
    }

    public byte[] getSerializedTaskConfig() {
        return serializedTaskConfig;
    }

    /** Input edges, in the order of the task's input gates. */
    public List<JobEdge> getInputs() {
        return Collections.unmodifiableList(inputs);
    }

    /** Output edges, in the order of the task's result partitions. */
    public List<JobEdge> getOutputs() {
        return Collections.unmodifiableList(outputs);
    }

    void addInput(JobEdge edge) {
        inputs.add(edge);
    }

    void addOutput(JobEdge edge) {
        outputs.add(edge);
    }

    @Override
    public String toString() {
        return name + " [" + id + ", p=" + parallelism + "]";
    }
}
