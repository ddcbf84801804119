package org.millrace.configuration;

/** The REST endpoint and web UI of the Dispatcher. Constants; any thread. */
public final class RestOptions {

    private RestOptions() {}

    public static final ConfigOption<Integer> PORT = ConfigOptions.key("rest.port")
            .intType()
            .checking(p -> p >= 0 && p <= 65535, "between 0 and 65535")
            .defaultValue(8081)
            .withDescription("Port of the REST endpoint; 0 picks a free one (on YARN, the tracking URL shows it).");

    public static final ConfigOption<String> BIND_ADDRESS = ConfigOptions.key("rest.bind-address")
            .stringType()
            .noDefaultValue()
            .withDescription("Address the REST endpoint listens on; unset: all interfaces.");
}
