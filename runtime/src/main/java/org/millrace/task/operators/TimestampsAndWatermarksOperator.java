package org.millrace.task.operators;

import org.millrace.api.eventtime.WatermarkStrategy;

/**
 * {@code assignTimestampsAndWatermarks}: stamps records with event time and generates watermarks
 * from them, replacing the watermarks that arrive from upstream (except the final one of a bounded
 * input).
 */
public final class TimestampsAndWatermarksOperator<T> extends AbstractStreamOperator<T> implements OneInputStreamOperator<T, T> {

    private static final long serialVersionUID = 1L;

    private final WatermarkStrategy<T> strategy;
    private transient WatermarkEmitter<T> emitter;
    private transient ProcessingTimeService.Cancellable periodic;

    public TimestampsAndWatermarksOperator(WatermarkStrategy<T> strategy) {
        this.strategy = strategy;
    }

    @Override
    public void open() throws Exception {
        emitter = new WatermarkEmitter<>(strategy, output);
        long interval = context.getAutoWatermarkIntervalMillis();
        if (interval > 0 && strategy.generatesWatermarks()) {
            periodic = context.getProcessingTimeService().scheduleAtFixedRate(t -> emitter.onPeriodicEmit(), interval, interval);
        }
    }

    @Override
    public void processElement(T value, long timestamp) {
        emitter.collect(value, timestamp);
    }

    @Override
    public void processWatermark(long watermark) {
        if (watermark == Long.MAX_VALUE) {
            // the end of a bounded input: let every event-time window fire
            emitter.emitWatermark(org.millrace.api.eventtime.Watermark.MAX_WATERMARK);
        }
    }

    @Override
    public void finish() {
        emitter.onPeriodicEmit();
    }

    @Override
    public void close() {
        if (periodic != null) {
            periodic.cancel();
        }
    }
}
