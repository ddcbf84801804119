package org.millrace.api.sink.file;

/**
 * Rolls part files only at checkpoints (which a {@link FileSink} always does): one part file per
 * bucket and checkpoint. Stateless.
 *
 * @param <IN> the records
 * @param <BucketID> the bucket identifier
 */
public final class OnCheckpointRollingPolicy<IN, BucketID> implements RollingPolicy<IN, BucketID> {

    private static final long serialVersionUID = 1L;

    private OnCheckpointRollingPolicy() {}

    public static <IN, BucketID> OnCheckpointRollingPolicy<IN, BucketID> build() {
        return new OnCheckpointRollingPolicy<>();
    }

    @Override
    public boolean shouldRollOnEvent(PartFileInfo<BucketID> partFile, IN element) {
        return false;
    }

    @Override
    public boolean shouldRollOnProcessingTime(PartFileInfo<BucketID> partFile, long currentTime) {
        return false;
    }

    @Override
    public String toString() {
        return "OnCheckpointRollingPolicy";
    }
}
