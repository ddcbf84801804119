package org.millrace.api.eventtime;

import java.io.Serializable;

/** A point in event time: no record with a timestamp at or below it should arrive any more. */
public final class Watermark implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The watermark at the end of a bounded input: every event-time window fires. */
    public static final Watermark MAX_WATERMARK = new Watermark(Long.MAX_VALUE);

    private final long timestamp;

    public Watermark(long timestamp) {
        this.timestamp = timestamp;
    }

    public long getTimestamp() {
        return timestamp;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Watermark w && w.timestamp == timestamp;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(timestamp);
    }

    @Override
    public String toString() {
        return "Watermark @ " + timestamp;
    }
}
