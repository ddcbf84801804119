package org.millrace.api.windowing;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.millrace.api.typeinfo.TypeInformation;

/** Sessions: a record opens [t, t + gap); windows of a key that overlap merge into one. */
public class EventTimeSessionWindows extends WindowAssigner<Object, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final long gap;

    protected EventTimeSessionWindows(long gap) {
        if (gap <= 0) {
            throw new IllegalArgumentException("The session gap must be positive, got " + gap + " ms");
        }
        this.gap = gap;
    }

    public static EventTimeSessionWindows withGap(Duration gap) {
        return new EventTimeSessionWindows(gap.toMillis());
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp) {
        return List.of(new TimeWindow(timestamp, timestamp + gap));
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    @Override
    public boolean isMerging() {
        return true;
    }

    @Override
    public TypeInformation<TimeWindow> getWindowType() {
        return WindowTypes.TIME_WINDOW;
    }

    @Override
    public String toString() {
        return "EventTimeSessionWindows(" + gap + ")";
    }
}
