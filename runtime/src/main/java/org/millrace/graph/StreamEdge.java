package org.millrace.graph;

import org.millrace.graph.partitioner.StreamPartitioner;

/** A connection between two stream nodes with the partitioner that distributes its records. */
public final class StreamEdge {

    private final StreamNode source;
    private final StreamNode target;
    private final StreamPartitioner<?> partitioner;

    StreamEdge(StreamNode source, StreamNode target, StreamPartitioner<?> partitioner) {
        this.source = source;
        this.target = target;
        this.partitioner = partitioner;
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
