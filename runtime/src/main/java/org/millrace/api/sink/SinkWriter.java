package org.millrace.api.sink;

import java.io.IOException;

/** Writes the records of one parallel instance of a sink. Called only from the sink task's thread. */
public interface SinkWriter<T> extends AutoCloseable {

    void write(T element, Context context) throws IOException, InterruptedException;

    /** Flushes buffered data; {@code endOfInput} is true once, after the last record. */
    void flush(boolean endOfInput) throws IOException, InterruptedException;

    /** What the writer knows about the current record. */
    interface Context {

        /** The current event-time watermark, or {@code Long.MIN_VALUE}. */
        long currentWatermark();

        /** The record's timestamp, or null if it has none. */
        Long timestamp();
    }
}
