package org.millrace.task.operators;

import org.millrace.api.functions.FilterFunction;

/** Forwards the records a {@link FilterFunction} accepts. */
public final class StreamFilter<T> extends AbstractUdfStreamOperator<T, FilterFunction<T>>
        implements OneInputStreamOperator<T, T> {

    private static final long serialVersionUID = 1L;

    public StreamFilter(FilterFunction<T> filter) {
        super(filter);
    }

    @Override
    public void processElement(T value, long timestamp) throws Exception {
        if (keyContext != null) {
            keyContext.setCurrentKeyOf(value);
        }
        if (userFunction.filter(value)) {
            output.collect(value, timestamp);
        }
    }
}
