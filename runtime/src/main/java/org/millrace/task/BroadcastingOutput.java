package org.millrace.task;

import org.millrace.task.operators.Output;

/** Hands each record to several outputs (an operator with more than one consumer). Task thread only. */
final class BroadcastingOutput<T> implements Output<T> {

    private final Output<T>[] outputs;

    BroadcastingOutput(Output<T>[] outputs) {
        this.outputs = outputs;
    }

    @Override
    public void collect(T record, long timestamp) {
        for (Output<T> o : outputs) {
            o.collect(record, timestamp);
        }
    }

    @Override
    public void emitWatermark(long watermark) {
        for (Output<T> o : outputs) {
            o.emitWatermark(watermark);
        }
    }
}
