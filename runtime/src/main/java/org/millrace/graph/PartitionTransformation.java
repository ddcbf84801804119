package org.millrace.graph;

import java.util.List;
import org.millrace.graph.partitioner.StreamPartitioner;

/** Not an operator: says how records travel from its input to the next operator (keyBy, rebalance...). */
public final class PartitionTransformation<T> extends Transformation<T> {

    private final Transformation<T> input;
    private final StreamPartitioner<T> partitioner;

    public PartitionTransformation(Transformation<T> input, StreamPartitioner<T> partitioner) {
        super("Partition", null, DEFAULT_PARALLELISM);
        this.input = input;
        this.partitioner = partitioner;
    }

    public Transformation<T> getInput() {
        return input;
    }

    public StreamPartitioner<T> getPartitioner() {
        return partitioner;
    }

    @Override
    public org.millrace.api.typeinfo.TypeInformation<T> getOutputType() {
        return input.getOutputType();
    }

    @Override
    public boolean hasOutputType() {
        return input.hasOutputType();
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
