package org.millrace.resourcemanager;

import java.time.Duration;
import org.millrace.configuration.ConfigOption;
import org.millrace.configuration.ConfigOptions;

/** Configuration of the ResourceManager. Constants; any thread. */
public final class ResourceManagerOptions {

    private ResourceManagerOptions() {}

    public static final ConfigOption<Duration> SLOT_REQUEST_TIMEOUT = ConfigOptions.key("slot.request.timeout")
            .durationType()
            .checking(d -> !d.isNegative() && !d.isZero(), "positive")
            .defaultValue(Duration.ofMinutes(5))
            .withDescription("How long a job waits for its slots before it fails.");
}
