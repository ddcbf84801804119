package org.millrace.api.sink.file;

import java.io.Serializable;

/**
 * Decides when a bucket's in-progress part file is closed (rolled) and a new one started. A
 * {@link FileSink} also rolls every part file at every checkpoint, whatever the policy says: a
 * row-format part file becomes visible only as a whole, so nothing written before a checkpoint may
 * stay in a file that is still open after it. Called only from the sink task's thread.
 *
 * @param <IN> the records
 * @param <BucketID> the bucket identifier
 */
public interface RollingPolicy<IN, BucketID> extends Serializable {

    /** Asked before {@code element} is written to {@code partFile}; true rolls first. */
    boolean shouldRollOnEvent(PartFileInfo<BucketID> partFile, IN element);

    /**
     * Asked for every open part file from time to time (the writer checks every
     * {@value FileSink#PROCESSING_TIME_CHECK_RECORDS} records it writes); true rolls it.
     */
    boolean shouldRollOnProcessingTime(PartFileInfo<BucketID> partFile, long currentTime);
}
