package org.millrace.jobmaster;

import java.time.Duration;

/**
 * {@code restart-strategy.type: fixed-delay}: up to {@code attempts} restarts, each after the same
 * delay; the failure after the last allowed restart fails the job. JobMaster main thread only.
 */
final class FixedDelayRestartBackoffTimeStrategy implements RestartBackoffTimeStrategy {

    private final int maxAttempts;
    private final long delayMillis;
    private int failures;

    FixedDelayRestartBackoffTimeStrategy(int maxAttempts, Duration delay) {
        this.maxAttempts = maxAttempts;
        this.delayMillis = delay.toMillis();
    }

    @Override
    public void notifyFailure(Throwable cause) {
        failures++;
    }

    @Override
    public boolean canRestart() {
        return failures <= maxAttempts;
    }

    @Override
    public long getBackoffTimeMillis() {
        return delayMillis;
    }

    @Override
    public String toString() {
        return "fixed-delay (" + maxAttempts + " attempts, " + delayMillis + " ms)";
    }
}
