package org.millrace.api.windowing;

/** A group of records a window function sees together: a time range, or all records (GlobalWindow). */
public abstract class Window {

    /** The largest timestamp that still belongs to the window; results carry it as their timestamp. */
    public abstract long maxTimestamp();
}
