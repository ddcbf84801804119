package org.millrace.jobmaster;

import java.time.Duration;

/**
 * {@code restart-strategy.type: exponential-delay}: restarts without limit on the count, waiting
 * {@code initial-backoff} first and multiplying the wait by {@code backoff-multiplier} after each
 * failure up to {@code max-backoff}; a job that ran longer than {@code reset-backoff-threshold}
 * since its last failure starts again from the initial backoff. JobMaster main thread only.
 */
final class ExponentialDelayRestartBackoffTimeStrategy implements RestartBackoffTimeStrategy {

    private final long initialMillis;
    private final long maxMillis;
    private final double multiplier;
    private final long resetThresholdMillis;
    private long currentMillis;
    private long lastFailureMillis = -1;

    ExponentialDelayRestartBackoffTimeStrategy(Duration initial, Duration max, double multiplier, Duration resetThreshold) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = Math.max(initialMillis, max.toMillis());
        this.multiplier = multiplier;
        this.resetThresholdMillis = resetThreshold.toMillis();
    }

    @Override
    public void notifyFailure(Throwable cause) {
        long now = System.currentTimeMillis();
        if (lastFailureMillis < 0 || now - lastFailureMillis >= resetThresholdMillis) {
            currentMillis = initialMillis;
        } else {
            currentMillis = Math.min(maxMillis, (long) Math.ceil(currentMillis * multiplier));
        }
        lastFailureMillis = now;
    }

    @Override
    public boolean canRestart() {
        return true;
    }

    @Override
    public long getBackoffTimeMillis() {
        return currentMillis;
    }

    @Override
    public String toString() {
        return "exponential-delay (" + initialMillis + " ms .. " + maxMillis + " ms, x" + multiplier + ")";
    }
}
