package org.millrace.api.source;

/** Where a {@link SourceReader} emits records. Called only from the source task's thread. */
public interface ReaderOutput<T> {

    void collect(T record);

    /** Emits a record with an event-time timestamp (milliseconds). */
    void collect(T record, long timestamp);
}
