package org.millrace.task.operators;

import org.millrace.api.util.Collector;

/**
 * The {@link Collector} handed to user functions: emits to the operator's output with the
 * timestamp of the record being processed. One per operator, reused for every record.
 */
public final class TimestampedCollector<T> implements Collector<T> {

    private final Output<T> output;
    private long timestamp = Output.NO_TIMESTAMP;

    public TimestampedCollector(Output<T> output) {
        this.output = output;
    }

    public void setTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    @Override
    public void collect(T record) {
        output.collect(record, timestamp);
    }

    @Override
    public void close() {}
}
