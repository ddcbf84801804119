package org.millrace.configuration;

import java.time.Duration;

/** What the JobManager does when a task fails. Constants; any thread. */
public final class RestartStrategyOptions {

    private RestartStrategyOptions() {}

    public static final ConfigOption<String> RESTART_STRATEGY = ConfigOptions.key("restart-strategy.type")
            .stringType()
            .defaultValue("none")
            .withDescription("none: a failed task fails the job; fixed-delay: restart up to"
                    + " restart-strategy.fixed-delay.attempts times, restoring from the latest checkpoint.");

    public static final ConfigOption<Integer> FIXED_DELAY_ATTEMPTS = ConfigOptions.key("restart-strategy.fixed-delay.attempts")
            .intType()
            .checking(n -> n >= 0, "at least 0")
            .defaultValue(1)
            .withDescription("With fixed-delay: restarts allowed before the job fails.");

    public static final ConfigOption<Duration> FIXED_DELAY_DELAY = ConfigOptions.key("restart-strategy.fixed-delay.delay")
            .durationType()
            .defaultValue(Duration.ofSeconds(1))
            .withDescription("With fixed-delay: time between a failure and the restart.");
}
