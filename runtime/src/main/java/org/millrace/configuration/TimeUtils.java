package org.millrace.configuration;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes durations the way {@code millrace.yaml} spells them: a whole number with an
 * optional unit ({@code "100 ms"}, {@code "10s"}, {@code "5 min"}, {@code "2 h"}, {@code "1 d"});
 * a plain number is milliseconds. ISO-8601 ({@code "PT0.1S"}) is accepted too. Stateless; any thread.
 */
public final class TimeUtils {

    /** Unit label (lower case) -> unit. */
    private static final Map<String, ChronoUnit> UNITS = new HashMap<>();

    /** Units {@link #formatDuration} writes, largest first, with their labels. */
    private static final List<Map.Entry<ChronoUnit, String>> FORMAT_UNITS = List.of(
            Map.entry(ChronoUnit.DAYS, "d"),
            Map.entry(ChronoUnit.HOURS, "h"),
            Map.entry(ChronoUnit.MINUTES, "min"),
            Map.entry(ChronoUnit.SECONDS, "s"),
            Map.entry(ChronoUnit.MILLIS, "ms"),
            Map.entry(ChronoUnit.MICROS, "us"),
            Map.entry(ChronoUnit.NANOS, "ns"));

    static {
        labels(ChronoUnit.NANOS, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        labels(ChronoUnit.MICROS, "us", "µs", "micro", "micros", "microsecond", "microseconds");
        labels(ChronoUnit.MILLIS, "ms", "milli", "millis", "millisecond", "milliseconds");
        labels(ChronoUnit.SECONDS, "s", "sec", "secs", "second", "seconds");
        labels(ChronoUnit.MINUTES, "m", "min", "mins", "minute", "minutes");
        labels(ChronoUnit.HOURS, "h", "hour", "hours");
        labels(ChronoUnit.DAYS, "d", "day", "days");
    }

    private static void labels(ChronoUnit unit, String... labels) {
        for (String label : labels) {
            UNITS.put(label, unit);
        }
    }

    private TimeUtils() {}

    /** Parses a non-negative duration; throws {@link IllegalArgumentException} saying what is wrong. */
    public static Duration parseDuration(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty duration");
        }
        if (s.length() > 1 && (s.charAt(0) == 'P' || s.charAt(0) == 'p')) {
            return parseIso(s);
        }
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException(s.startsWith("-") ? "must not be negative" : "does not start with a number");
        }
        long amount;
        try {
            amount = Long.parseLong(s.substring(0, i));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("number too large");
        }
        String label = s.substring(i).trim();
        if (label.isEmpty()) {
            return Duration.ofMillis(amount);
        }
        ChronoUnit unit = UNITS.get(label.toLowerCase(Locale.ROOT));
        if (unit == null) {
            throw new IllegalArgumentException("unknown time unit '" + label + "'");
        }
        try {
            return Duration.of(amount, unit);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("too long");
        }
    }

    private static Duration parseIso(String s) {
        Duration d;
        try {
            d = Duration.parse(s.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 duration");
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException("must not be negative");
        }
        return d;
    }

    /** Writes {@code d} in the largest unit that represents it exactly, e.g. {@code "100 ms"}, {@code "5 min"}. */
    public static String formatDuration(Duration d) {
        if (d.isZero()) {
            return "0 ms";
        }
        if (d.isNegative()) {
            return d.toString();
        }
        for (Map.Entry<ChronoUnit, String> u : FORMAT_UNITS) {
            Duration unit = u.getKey().getDuration();
            long count;
            try {
                count = d.dividedBy(unit);
            } catch (ArithmeticException e) {
                break; // too many of this unit for a long, and of every smaller one
            }
            if (unit.multipliedBy(count).equals(d)) {
                return count + " " + u.getValue();
            }
        }
        // only reached when even the nanosecond count overflows a long: ISO-8601 still reads back
        return d.toString();
    }
}
