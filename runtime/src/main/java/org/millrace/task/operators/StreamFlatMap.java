package org.millrace.task.operators;

import org.millrace.api.functions.FlatMapFunction;

/** Applies a {@link FlatMapFunction}; every output keeps the input's timestamp. */
public final class StreamFlatMap<IN, OUT> extends AbstractUdfStreamOperator<OUT, FlatMapFunction<IN, OUT>>
        implements OneInputStreamOperator<IN, OUT> {

    private static final long serialVersionUID = 1L;

    private transient TimestampedCollector<OUT> collector;

    public StreamFlatMap(FlatMapFunction<IN, OUT> flatMapper) {
        super(flatMapper);
    }

    @Override
    public void open() throws Exception {
        super.open();
        collector = new TimestampedCollector<>(output);
    }

    @Override
    public void processElement(IN value, long timestamp) throws Exception {
        if (keyContext != null) {
            keyContext.setCurrentKeyOf(value);
        }
        collector.setTimestamp(timestamp);
        userFunction.flatMap(value, collector);
    }
}
