package org.millrace.graph.partitioner;

import java.util.concurrent.ThreadLocalRandom;

/** Round-robin over all consumer subtasks, starting at a random one so producers do not align. */
public final class RebalancePartitioner<T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;

    private transient int next;

    @Override
    public void setup(int numberOfChannels) {
        super.setup(numberOfChannels);
        next = ThreadLocalRandom.current().nextInt(numberOfChannels);
    }

    @Override
    public int selectChannel(T record) {
        int c = next;
        next = c + 1 == numberOfChannels ? 0 : c + 1;
        return c;
    }

    @Override
    public String toString() {
        return "REBALANCE";
    }
}
