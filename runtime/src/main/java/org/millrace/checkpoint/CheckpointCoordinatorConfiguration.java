package org.millrace.checkpoint;

import java.time.Duration;
import org.millrace.api.CheckpointingMode;
import org.millrace.configuration.CheckpointingOptions;
import org.millrace.configuration.Configuration;

/**
 * The checkpoint settings of one job, read once from its configuration. Immutable.
 *
 * @param interval null when the job does not checkpoint periodically
 */
public record CheckpointCoordinatorConfiguration(Duration interval, Duration timeout, Duration minPause, int tolerableFailures,
        boolean exactlyOnce, int maxRetained) {

    public static CheckpointCoordinatorConfiguration fromConfiguration(Configuration config) {
        return new CheckpointCoordinatorConfiguration(
                config.get(CheckpointingOptions.CHECKPOINTING_INTERVAL),
                config.get(CheckpointingOptions.CHECKPOINTING_TIMEOUT),
                config.get(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS),
                config.get(CheckpointingOptions.TOLERABLE_FAILED_CHECKPOINTS),
                config.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE) == CheckpointingMode.EXACTLY_ONCE,
                config.get(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS));
    }
}
