package org.millrace.api.windowing;

import java.time.Duration;

/** Sessions of wall-clock time. */
public class ProcessingTimeSessionWindows extends EventTimeSessionWindows {

    private static final long serialVersionUID = 1L;

    private ProcessingTimeSessionWindows(long gap) {
        super(gap);
    }

    public static ProcessingTimeSessionWindows withGap(Duration gap) {
        return new ProcessingTimeSessionWindows(gap.toMillis());
    }

    @Override
    public boolean isEventTime() {
        return false;
    }
}
