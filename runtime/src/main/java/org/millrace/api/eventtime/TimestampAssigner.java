package org.millrace.api.eventtime;

/** Extracts a record's event-time timestamp (milliseconds). */
@FunctionalInterface
public interface TimestampAssigner<T> {

    /** The value of {@code recordTimestamp} when the record has none. */
    long NO_TIMESTAMP = Long.MIN_VALUE;

    long extractTimestamp(T element, long recordTimestamp);
}
