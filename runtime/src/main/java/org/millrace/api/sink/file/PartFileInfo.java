package org.millrace.api.sink.file;

/**
 * What a {@link RollingPolicy} knows about the in-progress part file of a bucket. A view of the
 * writer's own part file, valid only during the policy call; called from the sink task's thread.
 *
 * @param <BucketID> the bucket identifier
 */
public interface PartFileInfo<BucketID> {

    BucketID getBucketId();

    /** When the part file was opened, in milliseconds since the epoch (the sink task's clock). */
    long getCreationTime();

    /**
     * When the part file was last written to, as the writer sees it at its periodic checks (every
     * {@value FileSink#PROCESSING_TIME_CHECK_RECORDS} records): the time of the latest check that
     * found it grown, or its creation time. Reading the clock per record would cost too much.
     */
    long getLastUpdateTime();

    /** The bytes written into the part file so far, buffered ones included. */
    long getSize();
}
