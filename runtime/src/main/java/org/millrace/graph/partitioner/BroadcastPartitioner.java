package org.millrace.graph.partitioner;

/** Every record goes to every consumer subtask. */
public final class BroadcastPartitioner<T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public int selectChannel(T record) {
        throw new UnsupportedOperationException("broadcast selects all channels");
    }

    @Override
    public boolean isBroadcast() {
        return true;
    }

    @Override
    public String toString() {
        return "BROADCAST";
    }
}
