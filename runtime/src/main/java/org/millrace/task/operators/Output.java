package org.millrace.task.operators;

import org.millrace.api.util.OutputTag;

/**
 * Where an operator emits: the next chained operator (a direct method call), a record writer
 * (serialized into network buffers), or several of them. Called only from the task's thread.
 */
public interface Output<T> {

    /** Timestamp value of a record that has none. */
    long NO_TIMESTAMP = Long.MIN_VALUE;

    /** Emits a record; {@code timestamp} is {@link #NO_TIMESTAMP} when it has none. */
    void collect(T record, long timestamp);

    /** Emits a record to the side output {@code tag}; dropped when nothing consumes that side output. */
    default <X> void collect(OutputTag<X> tag, X record, long timestamp) {}

    /** Forwards an event-time watermark. */
    void emitWatermark(long watermark);
}
