package org.millrace.configuration;

import java.io.Serializable;
import java.util.Locale;

/**
 * An amount of memory in bytes, read and written the way {@code millrace.yaml} spells it:
 * {@code "64mb"}, {@code "32 kb"}, {@code "1g"}, {@code "1728m"}; units are powers of 1024 and a
 * plain number is bytes. Immutable; any thread.
 */
public final class MemorySize implements Serializable, Comparable<MemorySize> {

    private static final long serialVersionUID = 1L;

    public static final MemorySize ZERO = new MemorySize(0);

    /** Units {@link #toString} writes, largest first, with the labels {@link #parse} accepts. */
    private enum Unit {
        TERA(1L << 40, "tb", "t", "tebibytes"),
        GIGA(1L << 30, "gb", "g", "gibibytes"),
        MEGA(1L << 20, "mb", "m", "mebibytes"),
        KILO(1L << 10, "kb", "k", "kibibytes"),
        BYTES(1L, "b", "bytes");

        final long multiplier;
        final String[] labels;

        Unit(long multiplier, String... labels) {
            this.multiplier = multiplier;
            this.labels = labels;
        }
    }

    private final long bytes;

    public MemorySize(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("a memory size must not be negative: " + bytes);
        }
        this.bytes = bytes;
    }

    public static MemorySize ofMebiBytes(long mebiBytes) {
        return new MemorySize(Math.multiplyExact(mebiBytes, Unit.MEGA.multiplier));
    }

    public static MemorySize ofKibiBytes(long kibiBytes) {
        return new MemorySize(Math.multiplyExact(kibiBytes, Unit.KILO.multiplier));
    }

    /** Parses e.g. {@code "64mb"}; throws {@link IllegalArgumentException} saying what is wrong. */
    public static MemorySize parse(String text) {
        String s = text.trim();
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
            return new MemorySize(amount);
        }
        Unit unit = unitOf(label.toLowerCase(Locale.ROOT));
        if (unit == null) {
            throw new IllegalArgumentException("unknown memory unit '" + label + "'");
        }
        try {
            return new MemorySize(Math.multiplyExact(amount, unit.multiplier));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("too large");
        }
    }

    private static Unit unitOf(String label) {
        for (Unit u : Unit.values()) {
            for (String l : u.labels) {
                if (l.equals(label)) {
                    return u;
                }
            }
        }
        return null;
    }

    public long getBytes() {
        return bytes;
    }

    public long getKibiBytes() {
        return bytes >> 10;
    }

    public long getMebiBytes() {
        return bytes >> 20;
    }

    /** The size as an int, for buffer sizes; throws {@link IllegalStateException} if it does not fit. */
    public int getBytesAsInt() {
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalStateException(this + " does not fit in an int");
        }
        return (int) bytes;
    }

    @Override
    public int compareTo(MemorySize o) {
        return Long.compare(bytes, o.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemorySize && ((MemorySize) o).bytes == bytes;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bytes);
    }

    /** The largest exact unit, e.g. {@code "64 mb"}, {@code "1000 b"}; {@link #parse} reads it back. */
    @Override
    public String toString() {
        for (Unit u : Unit.values()) {
            if (bytes != 0 && bytes % u.multiplier == 0) {
                return bytes / u.multiplier + " " + u.labels[0];
            }
        }
        return bytes + " b";
    }
}
