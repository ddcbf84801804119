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

    /** The bytes written into the part file so far, buffered ones included. */
    long getSize();
}
