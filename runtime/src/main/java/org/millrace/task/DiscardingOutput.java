package org.millrace.task;

import org.millrace.task.operators.Output;

/** The output of an operator nobody consumes (a sink): drops everything. */
final class DiscardingOutput<T> implements Output<T> {

    @Override
    public void collect(T record, long timestamp) {}

    @Override
    public void emitWatermark(long watermark) {}
}
