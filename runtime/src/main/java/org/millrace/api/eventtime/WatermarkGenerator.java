package org.millrace.api.eventtime;

/**
 * Generates watermarks from the events a source subtask sees: on each event, and periodically
 * (every {@code pipeline.auto-watermark-interval}). Used from the source task's thread only.
 */
public interface WatermarkGenerator<T> {

    void onEvent(T event, long eventTimestamp, WatermarkOutput output);

    void onPeriodicEmit(WatermarkOutput output);
}
