package org.millrace.network;

import java.util.Locale;
import org.millrace.configuration.ConfigOption;

/** Configuration keys of a TaskManager's data plane (names as in Flink where the concept is the same). */
public final class NetworkOptions {

    private NetworkOptions() {}

    public static final ConfigOption<Long> NETWORK_MEMORY = new ConfigOption<>(
            "taskmanager.memory.network.max",
            64L << 20,
            "a memory size such as 64mb",
            NetworkOptions::parseMemorySize,
            "Network memory of a TaskManager. Millrace allocates exactly this much, as fixed-size buffers,"
                    + " when the TaskManager starts (64 MiB of 32 KiB segments = 2048 buffers).");

    public static final ConfigOption<Integer> SEGMENT_SIZE = new ConfigOption<>(
            "taskmanager.memory.segment-size",
            32 << 10,
            "a memory size such as 32kb",
            raw -> Math.toIntExact(parseMemorySize(raw)),
            "Size of a network buffer: the unit of hand-off between tasks and of flow-control credit.");

    public static final ConfigOption<Integer> BUFFERS_PER_CHANNEL = new ConfigOption<>(
            "taskmanager.network.memory.buffers-per-channel",
            2,
            "a positive integer",
            Integer::valueOf,
            "Buffers per outgoing subpartition (and, with the network transport, per incoming remote channel).");

    public static final ConfigOption<Integer> FLOATING_BUFFERS_PER_GATE = new ConfigOption<>(
            "taskmanager.network.memory.floating-buffers-per-gate",
            8,
            "a non-negative integer",
            Integer::valueOf,
            "Extra buffers a result partition (or input gate) may use beyond its per-channel buffers.");

    /** Parses "65536", "64k", "64kb", "32m", "32mb", "1g", "1gb" (binary units, case-insensitive). */
    public static long parseMemorySize(String raw) {
        String s = raw.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("no number");
        }
        long value = Long.parseLong(s.substring(0, i));
        long unit = switch (s.substring(i)) {
            case "", "b", "bytes" -> 1L;
            case "k", "kb", "kib" -> 1L << 10;
            case "m", "mb", "mib" -> 1L << 20;
            case "g", "gb", "gib" -> 1L << 30;
            case "t", "tb", "tib" -> 1L << 40;
            default -> throw new IllegalArgumentException("unknown unit '" + s.substring(i) + "'");
        };
        return Math.multiplyExact(value, unit);
    }
}
