package org.millrace.configuration;

import java.util.Objects;
import java.util.function.Function;

/**
 * A typed configuration key with its default and a parser for its string form (as written in
 * {@code millrace.yaml} or with {@code -Dkey=value}). A value that does not parse gives an
 * {@link IllegalConfigurationException} naming the key, the value and what was expected.
 *
 * <p>Immutable, so options are shared as {@code static final} constants across all threads. Build
 * them with {@link ConfigOptions#key(String)}.
 */
public final class ConfigOption<T> {

    private final String key;
    private final T defaultValue;
    private final String expected;
    private final Function<String, T> parser;
    private final Function<T, String> formatter;
    private final String description;

    public ConfigOption(String key, T defaultValue, String expected, Function<String, T> parser, String description) {
        this(key, defaultValue, expected, parser, String::valueOf, description);
    }

    /**
     * @param formatter writes a value in a form {@code parser} reads back (used by
     *     {@link Configuration#set}), e.g. {@code "100 ms"} for a duration
     */
    public ConfigOption(
            String key,
            T defaultValue,
            String expected,
            Function<String, T> parser,
            Function<T, String> formatter,
            String description) {
        this.key = Objects.requireNonNull(key);
        this.defaultValue = defaultValue;
        this.expected = expected;
        this.parser = parser;
        this.formatter = Objects.requireNonNull(formatter);
        this.description = description;
    }

    public String key() {
        return key;
    }

    /** The default, or null for an option that is unset unless configured. */
    public T defaultValue() {
        return defaultValue;
    }

    public boolean hasDefaultValue() {
        return defaultValue != null;
    }

    public String description() {
        return description;
    }

    /** What a value must look like, e.g. "a duration such as '100 ms' or '5 min'". */
    public String expected() {
        return expected;
    }

    /** The same option with {@code description} (Flink's builder style: {@code ...defaultValue(1).withDescription("...")}). */
    public ConfigOption<T> withDescription(String description) {
        return new ConfigOption<>(key, defaultValue, expected, parser, formatter, description);
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

    /** The string form of {@code value} that {@link #parse} reads back. */
    public String format(T value) {
        return formatter.apply(value);
    }

    @Override
    public String toString() {
        return key;
    }
}
