package org.millrace.api.windowing;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.millrace.api.typeinfo.TypeInformation;

/** Fixed-size, non-overlapping event-time windows [k*size + offset, (k+1)*size + offset). */
public class TumblingEventTimeWindows extends WindowAssigner<Object, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final long size;
    private final long offset;

    protected TumblingEventTimeWindows(long size, long offset) {
        if (size <= 0 || Math.abs(offset) >= size) {
            throw new IllegalArgumentException("Tumbling windows need 0 <= |offset| < size, got size " + size + " offset " + offset);
        }
        this.size = size;
        this.offset = offset;
    }

    public static TumblingEventTimeWindows of(Duration size) {
        return new TumblingEventTimeWindows(size.toMillis(), 0);
    }

    public static TumblingEventTimeWindows of(Duration size, Duration offset) {
        return new TumblingEventTimeWindows(size.toMillis(), offset.toMillis() % size.toMillis());
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp) {
        long start = TimeWindow.getWindowStartWithOffset(timestamp, offset, size);
        return List.of(new TimeWindow(start, start + size));
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    @Override
    public TypeInformation<TimeWindow> getWindowType() {
        return WindowTypes.TIME_WINDOW;
    }

    @Override
    public String toString() {
        return "TumblingEventTimeWindows(" + size + ")";
    }
}
