package org.millrace.bench;

/**
 * The deterministic inputs of the peer benchmark jobs, as defined in the peer-bench README:
 * SplitMix64's finaliser over {@code x * 0x9E3779B97F4A7C15}, keys, bid prices and word indices.
 */
public final class BenchInput {

    private BenchInput() {}

    public static final int KEYS = 100_000;
    public static final int VOCABULARY = 10_000;
    public static final int WORDS_PER_LINE = 10;

    /** SplitMix64's finaliser applied to {@code x} times the golden gamma (all mod 2^64). */
    public static long mix(long x) {
        long z = x * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** keyed-count: the key of record i. */
    public static String key(long i) {
        return "k" + (i % KEYS);
    }

    /** wordcount-file: the vocabulary index of token t. */
    public static int wordIndex(long t) {
        return (int) ((mix(t) >>> 1) % VOCABULARY);
    }
}
