package org.millrace.task.operators;

import org.millrace.api.eventtime.TimestampAssigner;
import org.millrace.api.eventtime.TimestampAssignerSupplier;
import org.millrace.api.eventtime.Watermark;
import org.millrace.api.eventtime.WatermarkGenerator;
import org.millrace.api.eventtime.WatermarkGeneratorSupplier;
import org.millrace.api.eventtime.WatermarkOutput;
import org.millrace.api.eventtime.WatermarkStrategy;

/**
 * Applies a {@link WatermarkStrategy} to a stream: stamps each record with its event time, feeds the
 * generator, and forwards watermarks that advance event time (never backwards). Periodic emission is
 * driven by the owner's processing-time timer. Task thread only.
 */
final class WatermarkEmitter<T> implements WatermarkOutput {

    private static final TimestampAssignerSupplier.Context NO_ASSIGNER_CONTEXT = new TimestampAssignerSupplier.Context() {};
    private static final WatermarkGeneratorSupplier.Context NO_GENERATOR_CONTEXT = new WatermarkGeneratorSupplier.Context() {};

    private final TimestampAssigner<T> assigner;
    private final WatermarkGenerator<T> generator;
    private final Output<T> output;
    private long currentWatermark = Long.MIN_VALUE;

    WatermarkEmitter(WatermarkStrategy<T> strategy, Output<T> output) {
        this.assigner = strategy.createTimestampAssigner(NO_ASSIGNER_CONTEXT);
        this.generator = strategy.createWatermarkGenerator(NO_GENERATOR_CONTEXT);
        this.output = output;
    }

    /** Stamps and emits one record. */
    void collect(T record, long recordTimestamp) {
        long ts = assigner.extractTimestamp(record, recordTimestamp);
        generator.onEvent(record, ts, this);
        output.collect(record, ts);
    }

    void onPeriodicEmit() {
        generator.onPeriodicEmit(this);
    }

    @Override
    public void emitWatermark(Watermark watermark) {
        long ts = watermark.getTimestamp();
        if (ts > currentWatermark) {
            currentWatermark = ts;
            output.emitWatermark(ts);
        }
    }

    @Override
    public void markIdle() {
        // idleness is not propagated downstream yet: an idle subtask simply stops advancing event time
    }

    @Override
    public void markActive() {}

    long getCurrentWatermark() {
        return currentWatermark;
    }
}
