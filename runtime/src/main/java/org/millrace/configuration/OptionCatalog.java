package org.millrace.configuration;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every {@link ConfigOption} Millrace declares, found by reflection over the option classes listed
 * here; {@code conf/millrace.yaml} lists the same keys (a test keeps them in step). Used to check a
 * configuration's known keys up front, so a malformed value fails before a job starts, not when a
 * component first reads it. Built once; immutable; any thread.
 */
public final class OptionCatalog {

    /** The classes whose {@code public static final ConfigOption} fields make the catalog. Add new ones here. */
    private static final List<Class<?>> OPTION_CLASSES = List.of(
            CoreOptions.class,
            ExecutionOptions.class,
            TaskManagerOptions.class,
            JobManagerOptions.class,
            NetworkOptions.class,
            HeartbeatManagerOptions.class,
            RpcOptions.class,
            RestartStrategyOptions.class,
            CheckpointingOptions.class,
            HighAvailabilityOptions.class,
            YarnOptions.class,
            RestOptions.class,
            LocalClusterOptions.class);

    /**
     * Keys starting with this prefix are Hadoop settings, handed to Hadoop without the prefix by the
     * hdfs-checkpoint module ({@code fs.hadoop.dfs.replication} sets {@code dfs.replication}). They
     * are not Millrace options, and not unknown keys either.
     */
    public static final String HADOOP_PASSTHROUGH_PREFIX = "fs.hadoop.";

    private static final Map<String, ConfigOption<?>> BY_KEY = collect();

    private OptionCatalog() {}

    public static List<Class<?>> optionClasses() {
        return OPTION_CLASSES;
    }

    /** All options, sorted by key. */
    public static List<ConfigOption<?>> options() {
        return List.copyOf(BY_KEY.values());
    }

    public static Optional<ConfigOption<?>> find(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /**
     * Parses the value of every known key {@code configuration} sets.
     *
     * @param origin where the values came from, for the message ("in /etc/millrace/millrace.yaml", "from -D")
     * @throws IllegalConfigurationException naming the key, the value and the origin
     * @return the keys that are not in the catalog (typos, or options of other components), except
     *     pass-through keys ({@link #HADOOP_PASSTHROUGH_PREFIX})
     */
    public static List<String> validate(Configuration configuration, String origin) {
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, String> e : configuration.toMap().entrySet()) {
            ConfigOption<?> option = BY_KEY.get(e.getKey());
            if (option == null) {
                if (!e.getKey().startsWith(HADOOP_PASSTHROUGH_PREFIX)) {
                    unknown.add(e.getKey());
                }
                continue;
            }
            try {
                option.parse(e.getValue());
            } catch (IllegalConfigurationException ex) {
                throw new IllegalConfigurationException(ex.getMessage() + " (" + origin + ")", ex.getCause());
            }
        }
        return Collections.unmodifiableList(unknown);
    }

    private static Map<String, ConfigOption<?>> collect() {
        Map<String, ConfigOption<?>> byKey = new TreeMap<>();
        for (Class<?> c : OPTION_CLASSES) {
            for (Field f : c.getFields()) {
                int m = f.getModifiers();
                if (!Modifier.isStatic(m) || !Modifier.isFinal(m) || f.getType() != ConfigOption.class) {
                    continue;
                }
                ConfigOption<?> option;
                try {
                    option = (ConfigOption<?>) f.get(null);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read option " + c.getName() + "." + f.getName(), e);
                }
                ConfigOption<?> previous = byKey.put(option.key(), option);
                if (previous != null) {
                    throw new IllegalStateException("configuration key '" + option.key() + "' is declared twice");
                }
            }
        }
        return Collections.unmodifiableMap(byKey);
    }
}
