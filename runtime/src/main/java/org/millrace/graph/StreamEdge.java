package org.millrace.graph;

import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.util.OutputTag;
import org.millrace.graph.partitioner.StreamPartitioner;

/** A connection between two stream nodes with the partitioner that distributes its records. */
public final class StreamEdge {

    private final StreamNode source;
    private final StreamNode target;
    private final StreamPartitioner<?> partitioner;
    private final OutputTag<?> outputTag;

    StreamEdge(StreamNode source, StreamNode target, StreamPartitioner<?> partitioner, OutputTag<?> outputTag) {
        this.source = source;
        this.target = target;
        this.partitioner = partitioner;
        this.outputTag = outputTag;
    }

    /** The side output this edge carries, or null for the main output. */
    public OutputTag<?> getOutputTag() {
        return outputTag;
    }

    /** The type of the records on this edge: the side output's, or the source node's. */
    public TypeInformation<?> requireType() {
        return outputTag != null ? outputTag.getTypeInfo() : source.requireOutputType();
    }

    public StreamNode getSource() {
        return source;
    }

    public StreamNode getTarget() {
        return target;
    }

    public StreamPartitioner<?> getPartitioner() {
        return partitioner;
    }

    @Override
    public String toString() {
        return source + " -" + partitioner + "-> " + target;
    }
}
