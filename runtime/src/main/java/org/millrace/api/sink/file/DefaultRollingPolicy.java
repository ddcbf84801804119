package org.millrace.api.sink.file;

import java.time.Duration;
import java.util.Objects;
import org.millrace.configuration.MemorySize;

/**
 * Rolls a part file when it reaches a size, an age, or a time without writes, besides at every
 * checkpoint (which a {@link FileSink} always does). Defaults: {@value #DEFAULT_MAX_PART_SIZE}
 * bytes, {@link #DEFAULT_ROLLOVER_INTERVAL} and {@link #DEFAULT_INACTIVITY_INTERVAL}. Age and
 * inactivity are checked every {@value FileSink#PROCESSING_TIME_CHECK_RECORDS} records the subtask
 * writes, so a file may be a bit older when it rolls, and while no records arrive only the
 * checkpoint rolls it. An immutable value; called from the sink task's thread.
 *
 * @param <IN> the records
 * @param <BucketID> the bucket identifier
 */
public final class DefaultRollingPolicy<IN, BucketID> implements RollingPolicy<IN, BucketID> {

    private static final long serialVersionUID = 1L;

    public static final long DEFAULT_MAX_PART_SIZE = 128L * 1024 * 1024;

    public static final Duration DEFAULT_ROLLOVER_INTERVAL = Duration.ofSeconds(60);

    public static final Duration DEFAULT_INACTIVITY_INTERVAL = Duration.ofSeconds(60);

    private final long partSize;
    private final long rolloverInterval;
    private final long inactivityInterval;

    private DefaultRollingPolicy(long partSize, long rolloverInterval, long inactivityInterval) {
        this.partSize = partSize;
        this.rolloverInterval = rolloverInterval;
        this.inactivityInterval = inactivityInterval;
    }

    public static PolicyBuilder builder() {
        return new PolicyBuilder(DEFAULT_MAX_PART_SIZE, DEFAULT_ROLLOVER_INTERVAL.toMillis(),
                DEFAULT_INACTIVITY_INTERVAL.toMillis());
    }

    @Override
    public boolean shouldRollOnEvent(PartFileInfo<BucketID> partFile, IN element) {
        return partFile.getSize() >= partSize;
    }

    @Override
    public boolean shouldRollOnProcessingTime(PartFileInfo<BucketID> partFile, long currentTime) {
        return currentTime - partFile.getCreationTime() >= rolloverInterval
                || currentTime - partFile.getLastUpdateTime() >= inactivityInterval;
    }

    /** The size in bytes from which a part file rolls before the next record. */
    public long getMaxPartSize() {
        return partSize;
    }

    /** The age in milliseconds from which a part file rolls. */
    public long getRolloverInterval() {
        return rolloverInterval;
    }

    /** The time in milliseconds without writes after which a part file rolls. */
    public long getInactivityInterval() {
        return inactivityInterval;
    }

    @Override
    public String toString() {
        return "DefaultRollingPolicy(maxPartSize=" + partSize + ", rolloverInterval=" + rolloverInterval
                + "ms, inactivityInterval=" + inactivityInterval + "ms)";
    }

    /** Builds a {@link DefaultRollingPolicy}; each call returns a new builder. */
    public static final class PolicyBuilder {

        private final long partSize;
        private final long rolloverInterval;
        private final long inactivityInterval;

        private PolicyBuilder(long partSize, long rolloverInterval, long inactivityInterval) {
            this.partSize = partSize;
            this.rolloverInterval = rolloverInterval;
            this.inactivityInterval = inactivityInterval;
        }

        public PolicyBuilder withMaxPartSize(MemorySize size) {
            Objects.requireNonNull(size, "size");
            if (size.getBytes() <= 0) {
                throw new IllegalArgumentException("The maximum part size must be positive: " + size);
            }
            return new PolicyBuilder(size.getBytes(), rolloverInterval, inactivityInterval);
        }

        public PolicyBuilder withRolloverInterval(Duration interval) {
            return new PolicyBuilder(partSize, toPositiveMillis(interval, "rollover"), inactivityInterval);
        }

        public PolicyBuilder withInactivityInterval(Duration interval) {
            return new PolicyBuilder(partSize, rolloverInterval, toPositiveMillis(interval, "inactivity"));
        }

        private static long toPositiveMillis(Duration interval, String what) {
            Objects.requireNonNull(interval, "interval");
            if (interval.toMillis() <= 0) {
                throw new IllegalArgumentException("The " + what + " interval must be at least 1 ms: " + interval);
            }
            return interval.toMillis();
        }

        public <IN, BucketID> DefaultRollingPolicy<IN, BucketID> build() {
            return new DefaultRollingPolicy<>(partSize, rolloverInterval, inactivityInterval);
        }
    }
}
