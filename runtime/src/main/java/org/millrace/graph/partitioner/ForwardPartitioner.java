package org.millrace.graph.partitioner;

/** Subtask i sends to subtask i only; requires equal parallelism and lets the edge be chained. */
public final class ForwardPartitioner<T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public int selectChannel(T record) {
        return 0;
    }

    @Override
    public boolean isPointwise() {
        return true;
    }

    @Override
    public String toString() {
        return "FORWARD";
    }
}
