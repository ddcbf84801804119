package org.millrace.configuration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Builds {@link ConfigOption}s in Flink's style:
 * {@code ConfigOptions.key("parallelism.default").intType().defaultValue(1).withDescription("...")}.
 * Used when option classes initialize; the options it makes are immutable.
 */
public final class ConfigOptions {

    private ConfigOptions() {}

    public static OptionBuilder key(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a configuration key must not be blank");
        }
        return new OptionBuilder(key);
    }

    /** Chooses the value type of an option. Used by the one thread building the option. */
    public static final class OptionBuilder {
        private final String key;

        private OptionBuilder(String key) {
            this.key = key;
        }

        public TypedOptionBuilder<Integer> intType() {
            return new TypedOptionBuilder<>(key, "an integer", Integer::valueOf, String::valueOf);
        }

        public TypedOptionBuilder<Long> longType() {
            return new TypedOptionBuilder<>(key, "an integer", Long::valueOf, String::valueOf);
        }

        public TypedOptionBuilder<Boolean> booleanType() {
            return new TypedOptionBuilder<>(key, "true or false", ConfigOptions::parseBoolean, String::valueOf);
        }

        public TypedOptionBuilder<String> stringType() {
            return new TypedOptionBuilder<>(key, "a string", Function.identity(), Function.identity());
        }

        public TypedOptionBuilder<Double> doubleType() {
            return new TypedOptionBuilder<>(key, "a number", ConfigOptions::parseDouble, String::valueOf);
        }

        public TypedOptionBuilder<Duration> durationType() {
            return new TypedOptionBuilder<>(
                    key,
                    "a duration such as '100 ms', '10 s' or '5 min' (a plain number is milliseconds)",
                    TimeUtils::parseDuration,
                    TimeUtils::formatDuration);
        }

        public TypedOptionBuilder<MemorySize> memoryType() {
            return new TypedOptionBuilder<>(
                    key,
                    "a memory size such as '64 mb', '32 kb' or '1 gb' (a plain number is bytes)",
                    MemorySize::parse,
                    MemorySize::toString);
        }

        /** Values are the constant names, matched case-insensitively. */
        public <E extends Enum<E>> TypedOptionBuilder<E> enumType(Class<E> enumClass) {
            String names = Arrays.stream(enumClass.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            return new TypedOptionBuilder<>(key, "one of " + names, raw -> parseEnum(enumClass, raw), Enum::name);
        }
    }

    /**
     * Sets the default (or none) of an option whose type is chosen; may add a check on values.
     * Immutable: each call returns a new builder.
     */
    public static final class TypedOptionBuilder<T> {
        private final String key;
        private final String expected;
        private final Function<String, T> parser;
        private final Function<T, String> formatter;

        private TypedOptionBuilder(String key, String expected, Function<String, T> parser, Function<T, String> formatter) {
            this.key = key;
            this.expected = expected;
            this.parser = parser;
            this.formatter = formatter;
        }

        /**
         * Values must also pass {@code check}; a value that fails it is reported as
         * "must be {@code requirement}" (e.g. {@code checking(p -> p >= 1, "at least 1")}).
         */
        public TypedOptionBuilder<T> checking(Predicate<T> check, String requirement) {
            Function<String, T> checked = raw -> {
                T value = parser.apply(raw);
                if (!check.test(value)) {
                    throw new IllegalArgumentException("must be " + requirement);
                }
                return value;
            };
            return new TypedOptionBuilder<>(key, expected, checked, formatter);
        }

        /** Values are comma-separated lists of this type (a YAML list is read the same way). */
        public ListOptionBuilder<T> asList() {
            return new ListOptionBuilder<>(key, expected, parser, formatter);
        }

        public ConfigOption<T> defaultValue(T value) {
            if (value == null) {
                throw new IllegalArgumentException("use noDefaultValue() for '" + key + "'");
            }
            // the default must satisfy the option's own parser and checks
            T reread = parser.apply(formatter.apply(value));
            return new ConfigOption<>(key, reread, expected, parser, formatter, "");
        }

        public ConfigOption<T> noDefaultValue() {
            return new ConfigOption<>(key, null, expected, parser, formatter, "");
        }
    }

    /** Sets the default (or none) of a list-valued option. Immutable. */
    public static final class ListOptionBuilder<T> {
        private final String key;
        private final String expected;
        private final Function<String, List<T>> parser;
        private final Function<List<T>, String> formatter;

        private ListOptionBuilder(String key, String elementExpected, Function<String, T> elementParser,
                Function<T, String> elementFormatter) {
            this.key = key;
            this.expected = "a comma-separated list, each element " + elementExpected;
            this.parser = raw -> {
                List<T> list = new ArrayList<>();
                for (String element : raw.split(",")) {
                    if (!element.isBlank()) {
                        list.add(elementParser.apply(element.trim()));
                    }
                }
                return List.copyOf(list);
            };
            this.formatter = list -> list.stream().map(elementFormatter).collect(Collectors.joining(","));
        }

        @SafeVarargs
        public final ConfigOption<List<T>> defaultValues(T... values) {
            return new ConfigOption<>(key, List.of(values), expected, parser, formatter, "");
        }

        public ConfigOption<List<T>> noDefaultValue() {
            return new ConfigOption<>(key, null, expected, parser, formatter, "");
        }
    }

    private static Boolean parseBoolean(String raw) {
        if (raw.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (raw.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException((String) null);
    }

    private static Double parseDouble(String raw) {
        double d = Double.parseDouble(raw);
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("must be finite");
        }
        return d;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> enumClass, String raw) {
        for (E e : enumClass.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(raw) || e.name().replace('_', '-').equalsIgnoreCase(raw)) {
                return e;
            }
        }
        throw new IllegalArgumentException((String) null);
    }
}
