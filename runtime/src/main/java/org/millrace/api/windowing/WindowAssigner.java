package org.millrace.api.windowing;

import java.io.Serializable;
import java.util.Collection;
import org.millrace.api.typeinfo.TypeInformation;

/**
 * Puts each record into zero or more windows. Event-time assigners use the record's timestamp and
 * fire when the watermark passes the window's end; processing-time ones use the wall clock.
 */
public abstract class WindowAssigner<T, W extends Window> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The windows of a record with time {@code timestamp} (event or processing time). */
    public abstract Collection<W> assignWindows(T element, long timestamp);

    public abstract boolean isEventTime();

    /** True for session windows, whose windows merge when they overlap. */
    public boolean isMerging() {
        return false;
    }

    /** The type of the windows, to keep them in state. */
    public abstract TypeInformation<W> getWindowType();
}
