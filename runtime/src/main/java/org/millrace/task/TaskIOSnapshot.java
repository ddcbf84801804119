package org.millrace.task;

import java.io.Serializable;

/**
 * A task's time since it started, split into busy, back-pressured and idle nanoseconds (Flink shows
 * the same split as busy/backPressured/idle "ms per second").
 */
public record TaskIOSnapshot(long wallNanos, long busyNanos, long backPressuredNanos, long idleNanos) implements Serializable {

    public double busyRatio() {
        return ratio(busyNanos);
    }

    public double backPressuredRatio() {
        return ratio(backPressuredNanos);
    }

    public double idleRatio() {
        return ratio(idleNanos);
    }

    private double ratio(long part) {
        return wallNanos <= 0 ? 0 : (double) part / wallNanos;
    }
}
