package org.millrace.graph.partitioner;

import java.util.SplittableRandom;

/** A uniformly random consumer subtask per record. */
public final class ShufflePartitioner<T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;

    private transient SplittableRandom random;

    @Override
    public void setup(int numberOfChannels) {
        super.setup(numberOfChannels);
        random = new SplittableRandom();
    }

    @Override
    public int selectChannel(T record) {
        return random.nextInt(numberOfChannels);
    }

    @Override
    public String toString() {
        return "SHUFFLE";
    }
}
