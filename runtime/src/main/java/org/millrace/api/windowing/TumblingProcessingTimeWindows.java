package org.millrace.api.windowing;

import java.time.Duration;

/** Fixed-size, non-overlapping windows of wall-clock time. */
public class TumblingProcessingTimeWindows extends TumblingEventTimeWindows {

    private static final long serialVersionUID = 1L;

    private TumblingProcessingTimeWindows(long size, long offset) {
        super(size, offset);
    }

    public static TumblingProcessingTimeWindows of(Duration size) {
        return new TumblingProcessingTimeWindows(size.toMillis(), 0);
    }

    public static TumblingProcessingTimeWindows of(Duration size, Duration offset) {
        return new TumblingProcessingTimeWindows(size.toMillis(), offset.toMillis() % size.toMillis());
    }

    @Override
    public boolean isEventTime() {
        return false;
    }
}
