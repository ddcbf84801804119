package org.millrace.jobmaster;

import org.millrace.configuration.Configuration;

/**
 * Decides whether a failed job may restart, and after how long. The JobMaster consults it on every
 * failure; only {@link NoRestartBackoffTimeStrategy} exists so far (fixed-delay, failure-rate and
 * exponential-delay strategies, chosen by {@code restart-strategy.type}, come with failover).
 * Used from the JobMaster's main thread.
 */
public interface RestartBackoffTimeStrategy {

    /** Records a failure; {@link #canRestart()} and {@link #getBackoffTimeMillis()} account for it. */
    void notifyFailure(Throwable cause);

    boolean canRestart();

    long getBackoffTimeMillis();

    /** The strategy a job's configuration asks for. */
    static RestartBackoffTimeStrategy fromConfiguration(Configuration jobConfiguration) {
        return NoRestartBackoffTimeStrategy.INSTANCE;
    }
}
