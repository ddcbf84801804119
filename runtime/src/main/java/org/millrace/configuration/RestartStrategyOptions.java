package org.millrace.configuration;

import java.time.Duration;

/** What the JobManager does when a task fails. Constants; any thread. */
public final class RestartStrategyOptions {

    private RestartStrategyOptions() {}

    public static final ConfigOption<String> RESTART_STRATEGY = ConfigOptions.key("restart-strategy.type")
            .stringType()
            .checking(t -> t.equals("none") || t.equals("fixed-delay") || t.equals("exponential-delay"),
                    "one of none, fixed-delay, exponential-delay")
            .defaultValue("none")
            .withDescription("none: a failed task fails the job; fixed-delay: restart up to"
                    + " restart-strategy.fixed-delay.attempts times; exponential-delay: restart with growing waits."
                    + " A restart redeploys the job (from its latest checkpoint once checkpoints exist).");

    public static final ConfigOption<Integer> FIXED_DELAY_ATTEMPTS = ConfigOptions.key("restart-strategy.fixed-delay.attempts")
            .intType()
            .checking(n -> n >= 0, "at least 0")
            .defaultValue(1)
            .withDescription("With fixed-delay: restarts allowed before the job fails.");

    public static final ConfigOption<Duration> FIXED_DELAY_DELAY = ConfigOptions.key("restart-strategy.fixed-delay.delay")
            .durationType()
            .defaultValue(Duration.ofSeconds(1))
            .withDescription("With fixed-delay: time between a failure and the restart.");

    public static final ConfigOption<Duration> EXPONENTIAL_DELAY_INITIAL_BACKOFF =
            ConfigOptions.key("restart-strategy.exponential-delay.initial-backoff")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withDescription("With exponential-delay: the wait before the first restart.");

    public static final ConfigOption<Duration> EXPONENTIAL_DELAY_MAX_BACKOFF =
            ConfigOptions.key("restart-strategy.exponential-delay.max-backoff")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription("With exponential-delay: the longest wait between restarts.");

    public static final ConfigOption<Double> EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER =
            ConfigOptions.key("restart-strategy.exponential-delay.backoff-multiplier")
                    .doubleType()
                    .checking(m -> m >= 1.0, "at least 1.0")
                    .defaultValue(1.5)
                    .withDescription("With exponential-delay: the factor by which the wait grows after each failure.");

    public static final ConfigOption<Duration> EXPONENTIAL_DELAY_RESET_THRESHOLD =
            ConfigOptions.key("restart-strategy.exponential-delay.reset-backoff-threshold")
                    .durationType()
                    .defaultValue(Duration.ofHours(1))
                    .withDescription("With exponential-delay: a job that ran this long without failing starts again"
                            + " from the initial backoff.");
}
