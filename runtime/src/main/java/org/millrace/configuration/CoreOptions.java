package org.millrace.configuration;

/** Options every job reads: default and maximum parallelism. Constants; any thread. */
public final class CoreOptions {

    private CoreOptions() {}

    public static final ConfigOption<Integer> DEFAULT_PARALLELISM = ConfigOptions.key("parallelism.default")
            .intType()
            .checking(p -> p >= 1, "at least 1")
            .defaultValue(1)
            .withDescription("Parallelism of operators that do not set their own; 'run -p N' sets it.");

    public static final ConfigOption<Integer> MAX_PARALLELISM = ConfigOptions.key("pipeline.max-parallelism")
            .intType()
            .checking(p -> p >= 1 && p <= 32768, "between 1 and 32768")
            .defaultValue(128)
            .withDescription("Number of key groups of keyed state: the highest parallelism a job can be rescaled"
                    + " to from a savepoint. Keep it fixed for the life of a job's state.");
}
