package org.millrace.configuration;

import java.util.Objects;
import java.util.function.Function;

/**
 * A typed configuration key with its default and a parser for its string form (as written in
 * {@code millrace.yaml} or with {@code -Dkey=value}). A value that does not parse gives an
 * {@link IllegalConfigurationException} naming the key, the value and what was expected.
 */
public final class ConfigOption<T> {

    private final String key;
    private final T defaultValue;
    private final String expected;
    private final Function<String, T> parser;
    private final String description;

    public ConfigOption(String key, T defaultValue, String expected, Function<String, T> parser, String description) {
        this.key = Objects.requireNonNull(key);
        this.defaultValue = defaultValue;
        this.expected = expected;
        this.parser = parser;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** Parses {@code raw}; throws {@link IllegalConfigurationException} naming this key if it does not parse. */
    public T parse(String raw) {
        try {
            T v = parser.apply(raw.trim());
            if (v == null) {
                throw new IllegalArgumentException("no value");
            }
            return v;
        } catch (RuntimeException e) {
            throw new IllegalConfigurationException(
                    "Invalid value '" + raw + "' for configuration key '" + key + "': expected " + expected
                            + (e.getMessage() == null || e instanceof NumberFormatException ? "" : " (" + e.getMessage() + ")"),
                    e);
        }
    }

    @Override
    public String toString() {
        return key;
    }
}
