package org.millrace.configuration;

import java.util.List;

/** Deployment on YARN. Constants; any thread. */
public final class YarnOptions {

    private YarnOptions() {}

    public static final ConfigOption<String> APPLICATION_QUEUE = ConfigOptions.key("yarn.application.queue")
            .stringType()
            .defaultValue("default")
            .withDescription("YARN queue the application is submitted to.");

    public static final ConfigOption<List<String>> PROVIDED_LIB_DIRS = ConfigOptions.key("yarn.provided.lib.dirs")
            .stringType()
            .asList()
            .noDefaultValue()
            .withDescription("Directories (URIs, comma-separated) on a shared file system holding a copy of Millrace's"
                    + " lib/; when set, the client does not upload its own jars.");
}
