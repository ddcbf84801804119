package org.millrace.graph;

import java.util.ArrayList;
import java.util.List;
import org.millrace.api.source.Source;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.task.operators.StreamOperator;

/** One operator of the {@link StreamGraph}, with its parallelism and its edges. */
public final class StreamNode {

    private final int id;
    private final String name;
    private final String uid;
    private final int parallelism;
    private final int maxParallelism;
    private final StreamOperator<?> operator;
    private final Source<?, ?> source;
    private final Transformation<?> transformation;
    private final boolean chainingDisabled;
    private final List<StreamEdge> inEdges = new ArrayList<>();
    private final List<StreamEdge> outEdges = new ArrayList<>();

    StreamNode(
            int id,
            String name,
            String uid,
            int parallelism,
            int maxParallelism,
            StreamOperator<?> operator,
            Source<?, ?> source,
            Transformation<?> transformation,
            boolean chainingDisabled) {
        this.id = id;
        this.name = name;
        this.uid = uid;
        this.parallelism = parallelism;
        this.maxParallelism = maxParallelism;
        this.operator = operator;
        this.source = source;
        this.transformation = transformation;
        this.chainingDisabled = chainingDisabled;
    }

    public int getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getUid() {
        return uid;
    }

    public int getParallelism() {
        return parallelism;
    }

    public int getMaxParallelism() {
        return maxParallelism;
    }

    /** The operator; for a source node, the {@link org.millrace.task.operators.SourceOperator}. */
    public StreamOperator<?> getOperator() {
        return operator;
    }

    /** The source this node reads, or null if it is not a source. */
    public Source<?, ?> getSource() {
        return source;
    }

    public boolean isSource() {
        return source != null;
    }

    /** The type of what this node emits, or null if unknown (sinks, or a missing {@code returns}). */
    public TypeInformation<?> getOutputType() {
        return transformation.hasOutputType() ? transformation.getOutputType() : null;
    }

    /** The type of what this node emits; throws the recorded type error, naming the operator, if it is unknown. */
    public TypeInformation<?> requireOutputType() {
        return transformation.getOutputType();
    }

    public boolean isChainingDisabled() {
        return chainingDisabled;
    }

    public List<StreamEdge> getInEdges() {
        return inEdges;
    }

    public List<StreamEdge> getOutEdges() {
        return outEdges;
    }

    @Override
    public String toString() {
        return name + "#" + id + "(p=" + parallelism + ")";
    }
}
