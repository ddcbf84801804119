package org.millrace.graph;

import java.util.List;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.task.operators.OneInputStreamOperator;

/** An operator with one input: map, flatMap, filter, a keyed reduce, a sink... */
public final class OneInputTransformation<IN, OUT> extends Transformation<OUT> {

    private final Transformation<IN> input;
    private final OneInputStreamOperator<IN, OUT> operator;

    public OneInputTransformation(
            Transformation<IN> input,
            String name,
            OneInputStreamOperator<IN, OUT> operator,
            TypeInformation<OUT> outputType,
            int parallelism) {
        super(name, outputType, parallelism);
        this.input = input;
        this.operator = operator;
    }

    public Transformation<IN> getInput() {
        return input;
    }

    public OneInputStreamOperator<IN, OUT> getOperator() {
        return operator;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
