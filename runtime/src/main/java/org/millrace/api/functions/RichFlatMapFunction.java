package org.millrace.api.functions;

import org.millrace.api.util.Collector;

/** A {@link FlatMapFunction} with a life cycle and a runtime context. */
public abstract class RichFlatMapFunction<IN, OUT> extends AbstractRichFunction implements FlatMapFunction<IN, OUT> {
    private static final long serialVersionUID = 1L;

    @Override
    public abstract void flatMap(IN value, Collector<OUT> out) throws Exception;
}
