package org.millrace.network;

import java.util.ArrayList;
import java.util.List;

/** Collects what a {@link NetworkInput} emits, in order. */
public final class TestingElementOutput<T> implements ElementOutput<T> {

    /** A record with its timestamp ({@link Long#MIN_VALUE} if none). */
    public record Rec<T>(T value, long timestamp) {}

    /** A watermark. */
    public record Wm(long watermark) {}

    public final List<Object> elements = new ArrayList<>();
    public final List<T> records = new ArrayList<>();
    public final List<Long> timestamps = new ArrayList<>();
    public final List<Long> watermarks = new ArrayList<>();

    @Override
    public void emitRecord(T record, long timestamp) {
        elements.add(new Rec<>(record, timestamp));
        records.add(record);
        timestamps.add(timestamp);
    }

    @Override
    public void emitWatermark(long watermark) {
        elements.add(new Wm(watermark));
        watermarks.add(watermark);
    }
}
