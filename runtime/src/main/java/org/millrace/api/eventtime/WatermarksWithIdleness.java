package org.millrace.api.eventtime;

import java.time.Duration;

/**
 * Wraps a generator and marks the output idle when no event arrived for a while, so that a
 * quiet source subtask does not hold back event time downstream.
 */
public class WatermarksWithIdleness<T> implements WatermarkGenerator<T> {

    private final WatermarkGenerator<T> watermarks;
    private final long idleTimeoutNanos;
    private long lastEventNanos = System.nanoTime();
    private boolean idle;

    public WatermarksWithIdleness(WatermarkGenerator<T> watermarks, Duration idleTimeout) {
        if (idleTimeout.isZero() || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("The idle timeout must be positive: " + idleTimeout);
        }
        this.watermarks = watermarks;
        this.idleTimeoutNanos = idleTimeout.toNanos();
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        watermarks.onEvent(event, eventTimestamp, output);
        lastEventNanos = System.nanoTime();
        if (idle) {
            idle = false;
            output.markActive();
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (idle) {
            return;
        }
        if (System.nanoTime() - lastEventNanos >= idleTimeoutNanos) {
            idle = true;
            output.markIdle();
        } else {
            watermarks.onPeriodicEmit(output);
        }
    }
}
