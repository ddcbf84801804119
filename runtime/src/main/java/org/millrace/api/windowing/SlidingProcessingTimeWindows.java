package org.millrace.api.windowing;

import java.time.Duration;

/** Sliding windows of wall-clock time. */
public class SlidingProcessingTimeWindows extends SlidingEventTimeWindows {

    private static final long serialVersionUID = 1L;

    private SlidingProcessingTimeWindows(long size, long slide, long offset) {
        super(size, slide, offset);
    }

    public static SlidingProcessingTimeWindows of(Duration size, Duration slide) {
        return new SlidingProcessingTimeWindows(size.toMillis(), slide.toMillis(), 0);
    }

    public static SlidingProcessingTimeWindows of(Duration size, Duration slide, Duration offset) {
        return new SlidingProcessingTimeWindows(size.toMillis(), slide.toMillis(), offset.toMillis() % slide.toMillis());
    }

    @Override
    public boolean isEventTime() {
        return false;
    }
}
