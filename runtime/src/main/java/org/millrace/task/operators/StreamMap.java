package org.millrace.task.operators;

import org.millrace.api.functions.MapFunction;

/** Applies a {@link MapFunction}; the result keeps the input's timestamp. */
public final class StreamMap<IN, OUT> extends AbstractUdfStreamOperator<OUT, MapFunction<IN, OUT>>
        implements OneInputStreamOperator<IN, OUT> {

    private static final long serialVersionUID = 1L;

    public StreamMap(MapFunction<IN, OUT> mapper) {
        super(mapper);
    }

    @Override
    public void processElement(IN value, long timestamp) throws Exception {
        if (keyContext != null) {
            keyContext.setCurrentKeyOf(value);
        }
        output.collect(userFunction.map(value), timestamp);
    }
}
