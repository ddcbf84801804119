package org.millrace.jobmaster;

import org.millrace.configuration.Configuration;
import org.millrace.configuration.RestartStrategyOptions;

/**
 * Decides whether a failed job may restart, and after how long. The JobMaster consults it on every
 * failure; {@code restart-strategy.type} chooses none, fixed-delay or exponential-delay.
 * Used from the JobMaster's main thread.
 */
public interface RestartBackoffTimeStrategy {

    /** Records a failure; {@link #canRestart()} and {@link #getBackoffTimeMillis()} account for it. */
    void notifyFailure(Throwable cause);

    boolean canRestart();

    long getBackoffTimeMillis();

    /** The strategy a job's configuration asks for. */
    static RestartBackoffTimeStrategy fromConfiguration(Configuration jobConfiguration) {
        return switch (jobConfiguration.get(RestartStrategyOptions.RESTART_STRATEGY)) {
            case "fixed-delay" -> new FixedDelayRestartBackoffTimeStrategy(
                    jobConfiguration.get(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS),
                    jobConfiguration.get(RestartStrategyOptions.FIXED_DELAY_DELAY));
            case "exponential-delay" -> new ExponentialDelayRestartBackoffTimeStrategy(
                    jobConfiguration.get(RestartStrategyOptions.EXPONENTIAL_DELAY_INITIAL_BACKOFF),
                    jobConfiguration.get(RestartStrategyOptions.EXPONENTIAL_DELAY_MAX_BACKOFF),
                    jobConfiguration.get(RestartStrategyOptions.EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER),
                    jobConfiguration.get(RestartStrategyOptions.EXPONENTIAL_DELAY_RESET_THRESHOLD));
            default -> NoRestartBackoffTimeStrategy.INSTANCE;
        };
    }
}
