package org.millrace.api.sink.file;

import java.time.Duration;
import java.util.Objects;
import org.millrace.configuration.MemorySize;

/**
 * Rolls a part file when it reaches a size or an age, besides at every checkpoint (which a
 * {@link FileSink} always does). Defaults: {@value #DEFAULT_MAX_PART_SIZE} bytes and
 * {@link #DEFAULT_ROLLOVER_INTERVAL}. The age is checked every
 * {@value FileSink#PROCESSING_TIME_CHECK_RECORDS} records, so a file of a slow stream may be a bit
 * older when it rolls. An immutable value; called from the sink task's thread.
 *
 * @param <IN> the records
 * @param <BucketID> the bucket identifier
 */
public final class DefaultRollingPolicy<IN, BucketID> implements RollingPolicy<IN, BucketID> {

    private static final long serialVersionUID = 1L;

    public static final long DEFAULT_MAX_PART_SIZE = 128L * 1024 * 1024;

    public static final Duration DEFAULT_ROLLOVER_INTERVAL = Duration.ofSeconds(60);

    private final long partSize;
    private final long rolloverInterval;

    private DefaultRollingPolicy(long partSize, long rolloverInterval) {
        this.partSize = partSize;
        this.rolloverInterval = rolloverInterval;
    }

    public static PolicyBuilder builder() {
        return new PolicyBuilder(DEFAULT_MAX_PART_SIZE, DEFAULT_ROLLOVER_INTERVAL.toMillis());
    }

    @Override
    public boolean shouldRollOnEvent(PartFileInfo<BucketID> partFile, IN element) {
        return partFile.getSize() >= partSize;
    }

    @Override
    public boolean shouldRollOnProcessingTime(PartFileInfo<BucketID> partFile, long currentTime) {
        return currentTime - partFile.getCreationTime() >= rolloverInterval;
    }

    /** The size in bytes from which a part file rolls before the next record. */
    public long getMaxPartSize() {
        return partSize;
    }

    /** The age in milliseconds from which a part file rolls. */
    public long getRolloverInterval() {
        return rolloverInterval;
    }

    @Override
    public String toString() {
        return "DefaultRollingPolicy(maxPartSize=" + partSize + ", rolloverInterval=" + rolloverInterval + "ms)";
    }

    /** Builds a {@link DefaultRollingPolicy}; each call returns a new builder. */
    public static final class PolicyBuilder {

        private final long partSize;
        private final long rolloverInterval;

        private PolicyBuilder(long partSize, long rolloverInterval) {
            this.partSize = partSize;
            this.rolloverInterval = rolloverInterval;
        }

        public PolicyBuilder withMaxPartSize(MemorySize size) {
            Objects.requireNonNull(size, "size");
            if (size.getBytes() <= 0) {
                throw new IllegalArgumentException("The maximum part size must be positive: " + size);
            }
            return new PolicyBuilder(size.getBytes(), rolloverInterval);
        }

        public PolicyBuilder withRolloverInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("The rollover interval must be positive: " + interval);
            }
            return new PolicyBuilder(partSize, interval.toMillis());
        }

        public <IN, BucketID> DefaultRollingPolicy<IN, BucketID> build() {
            return new DefaultRollingPolicy<>(partSize, rolloverInterval);
        }
    }
}
