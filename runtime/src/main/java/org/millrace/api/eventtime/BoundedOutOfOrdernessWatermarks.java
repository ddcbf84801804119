package org.millrace.api.eventtime;

import java.time.Duration;

/**
 * Watermarks that trail the largest timestamp seen by a fixed bound: watermark = max timestamp -
 * bound - 1, emitted periodically. With a zero bound this is the ascending-timestamps generator.
 */
public class BoundedOutOfOrdernessWatermarks<T> implements WatermarkGenerator<T> {

    private final long outOfOrdernessMillis;
    private long maxTimestamp;

    public BoundedOutOfOrdernessWatermarks(Duration maxOutOfOrderness) {
        if (maxOutOfOrderness.isNegative()) {
            throw new IllegalArgumentException("maxOutOfOrderness cannot be negative: " + maxOutOfOrderness);
        }
        this.outOfOrdernessMillis = maxOutOfOrderness.toMillis();
        // start so that the first watermark is Long.MIN_VALUE without underflow
        this.maxTimestamp = Long.MIN_VALUE + outOfOrdernessMillis + 1;
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        maxTimestamp = Math.max(maxTimestamp, eventTimestamp);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        output.emitWatermark(new Watermark(maxTimestamp - outOfOrdernessMillis - 1));
    }
}
