package org.millrace.graph.partitioner;

import java.io.Serializable;
import org.millrace.graph.DistributionPattern;
import org.millrace.network.ChannelSelector;

/**
 * How an edge distributes records over the consumer's subtasks. Travels in the job graph; each
 * producing subtask deserializes its own instance, so per-instance state (a round-robin position)
 * is owned by that subtask's thread.
 */
public abstract class StreamPartitioner<T> implements ChannelSelector<T>, Serializable {

    private static final long serialVersionUID = 1L;

    protected transient int numberOfChannels;

    @Override
    public void setup(int numberOfChannels) {
        this.numberOfChannels = numberOfChannels;
    }

    @Override
    public boolean isBroadcast() {
        return false;
    }

    /** True if subtask i feeds only subtask i (the edge may then be chained). */
    public boolean isPointwise() {
        return false;
    }

    public DistributionPattern getDistributionPattern() {
        return isPointwise() ? DistributionPattern.POINTWISE : DistributionPattern.ALL_TO_ALL;
    }
}
