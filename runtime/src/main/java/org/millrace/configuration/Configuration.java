package org.millrace.configuration;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flat key/value configuration (keys as in {@code conf/millrace.yaml}), read through typed
 * {@link ConfigOption}s. Values are kept as strings and parsed on read, so a malformed value fails
 * where it is used, with the key in the message. Not thread-safe; copy before sharing.
 */
public final class Configuration implements Serializable {

    private static final long serialVersionUID = 1L;

    private final TreeMap<String, String> values = new TreeMap<>();

    public Configuration() {}

    public Configuration(Configuration other) {
        values.putAll(other.values);
    }

    public static Configuration fromMap(Map<String, String> map) {
        Configuration c = new Configuration();
        c.values.putAll(map);
        return c;
    }

    public <T> T get(ConfigOption<T> option) {
        String raw = values.get(option.key());
        return raw == null ? option.defaultValue() : option.parse(raw);
    }

    public boolean contains(ConfigOption<?> option) {
        return values.containsKey(option.key());
    }

    /** Sets {@code option} to {@code value} (written in the form the option parses back); null unsets it. */
    public <T> Configuration set(ConfigOption<T> option, T value) {
        if (value == null) {
            values.remove(option.key());
        } else {
            values.put(option.key(), option.format(value));
        }
        return this;
    }

    public Configuration setString(String key, String value) {
        values.put(key, value);
        return this;
    }

    public String getString(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    /** Adds all of {@code other}'s entries, overriding this one's. */
    public Configuration addAll(Configuration other) {
        values.putAll(other.values);
        return this;
    }

    public Map<String, String> toMap() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
