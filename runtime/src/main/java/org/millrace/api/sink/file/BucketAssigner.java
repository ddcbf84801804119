package org.millrace.api.sink.file;

import java.io.Serializable;

/**
 * Chooses the bucket of each record of a {@link FileSink}: the subdirectory of the sink's base
 * path ({@code bucketId.toString()}, relative; empty for the base path itself) that its part file
 * goes to. Called only from the sink task's thread, once per record: return the same instance for
 * the same bucket where cheap (the writer then skips its bucket lookup).
 *
 * @param <IN> the records
 * @param <BucketID> the bucket identifier; {@link FileSink#forRowFormat} uses {@code String}
 */
public interface BucketAssigner<IN, BucketID> extends Serializable {

    BucketID getBucketId(IN element, Context context);

    /** What the assigner knows about the current record besides the record. */
    interface Context {

        /** The wall-clock time of the sink task, in milliseconds since the epoch. */
        long currentProcessingTime();

        /** The current event-time watermark, or {@code Long.MIN_VALUE}. */
        long currentWatermark();

        /** The record's timestamp, or null if it has none. */
        Long timestamp();
    }
}
