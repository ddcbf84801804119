package org.millrace.api.sink.file;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Buckets records by the sink task's processing time, formatted with a
 * {@link DateTimeFormatter} pattern ({@code "yyyy-MM-dd--HH"} by default: one directory per hour)
 * in a time zone (the system's by default). The id is formatted at most once per second and reused
 * in between, so a record costs no allocation; patterns finer than a second are therefore not
 * supported. Used by the sink task's thread only (the cache is plain fields).
 *
 * @param <IN> the records
 */
public final class DateTimeBucketAssigner<IN> implements BucketAssigner<IN, String> {

    private static final long serialVersionUID = 1L;

    public static final String DEFAULT_FORMAT_STRING = "yyyy-MM-dd--HH";

    private final String formatString;
    private final ZoneId zoneId;

    private transient DateTimeFormatter formatter;

    /** The second {@link #cachedBucketId} was formatted for; meaningless while that is null. */
    private transient long cachedSecond;

    /** Null before the first record (also after deserialization, which skips field initializers). */
    private transient String cachedBucketId;

    public DateTimeBucketAssigner() {
        this(DEFAULT_FORMAT_STRING);
    }

    public DateTimeBucketAssigner(String formatString) {
        this(formatString, ZoneId.systemDefault());
    }

    public DateTimeBucketAssigner(ZoneId zoneId) {
        this(DEFAULT_FORMAT_STRING, zoneId);
    }

    /** Fails early if {@code formatString} is not a valid pattern. */
    public DateTimeBucketAssigner(String formatString, ZoneId zoneId) {
        this.formatString = Objects.requireNonNull(formatString, "formatString");
        this.zoneId = Objects.requireNonNull(zoneId, "zoneId");
        DateTimeFormatter.ofPattern(formatString);
    }

    @Override
    public String getBucketId(IN element, Context context) {
        long now = context.currentProcessingTime();
        long second = Math.floorDiv(now, 1000L);
        if (cachedBucketId == null || second != cachedSecond) {
            if (formatter == null) {
                formatter = DateTimeFormatter.ofPattern(formatString).withZone(zoneId);
            }
            cachedBucketId = formatter.format(Instant.ofEpochMilli(now));
            cachedSecond = second;
        }
        return cachedBucketId;
    }

    @Override
    public String toString() {
        return "DateTimeBucketAssigner(" + formatString + ", " + zoneId + ")";
    }
}
