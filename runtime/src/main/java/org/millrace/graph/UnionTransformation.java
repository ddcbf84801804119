package org.millrace.graph;

import java.util.List;
import org.millrace.api.typeinfo.TypeInformation;

/** Not an operator: merges streams of the same type into one input of the next operator. */
public final class UnionTransformation<T> extends Transformation<T> {

    private final List<Transformation<T>> inputs;

    public UnionTransformation(List<Transformation<T>> inputs) {
        super("Union", null, DEFAULT_PARALLELISM);
        this.inputs = List.copyOf(inputs);
    }

    public List<Transformation<T>> getUnionInputs() {
        return inputs;
    }

    @Override
    public TypeInformation<T> getOutputType() {
        return inputs.get(0).getOutputType();
    }

    @Override
    public boolean hasOutputType() {
        return inputs.get(0).hasOutputType();
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.copyOf(inputs);
    }
}
