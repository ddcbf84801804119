package org.millrace.task.operators;

/** An operator with one logical input (possibly the union of several edges). */
public interface OneInputStreamOperator<IN, OUT> extends StreamOperator<OUT> {

    /** Processes a record; {@code timestamp} is {@link Output#NO_TIMESTAMP} when it has none. */
    void processElement(IN value, long timestamp) throws Exception;

    /** Event time advanced to {@code watermark} on every input channel. */
    default void processWatermark(long watermark) throws Exception {}
}
