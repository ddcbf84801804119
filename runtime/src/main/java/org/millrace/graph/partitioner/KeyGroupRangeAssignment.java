package org.millrace.graph.partitioner;

/**
 * Maps keys to key groups and key groups to subtasks. A key's group depends only on the key and the
 * max parallelism, so state can move between parallelisms by whole key groups; subtask i of p owns
 * the contiguous range of groups [ceil(i*m/p), ceil((i+1)*m/p)).
 */
public final class KeyGroupRangeAssignment {

    private KeyGroupRangeAssignment() {}

    /** The key group of {@code key}: a murmur-mixed hash of its hashCode, modulo {@code maxParallelism}. */
    public static int assignToKeyGroup(Object key, int maxParallelism) {
        return Math.floorMod(murmurMix(key.hashCode()), maxParallelism);
    }

    /** The subtask owning {@code keyGroup}. */
    public static int computeOperatorIndexForKeyGroup(int maxParallelism, int parallelism, int keyGroup) {
        return keyGroup * parallelism / maxParallelism;
    }

    public static int assignKeyToParallelOperator(Object key, int maxParallelism, int parallelism) {
        return computeOperatorIndexForKeyGroup(maxParallelism, parallelism, assignToKeyGroup(key, maxParallelism));
    }

    /** First key group owned by {@code operatorIndex}. */
    public static int firstKeyGroup(int maxParallelism, int parallelism, int operatorIndex) {
        return (operatorIndex * maxParallelism + parallelism - 1) / parallelism;
    }

    /** Murmur3's 32-bit finaliser over a single int: spreads poor hashCodes (small ints, Strings with common prefixes). */
    static int murmurMix(int h) {
        h *= 0xcc9e2d51;
        h = Integer.rotateLeft(h, 15);
        h *= 0x1b873593;
        h = Integer.rotateLeft(h, 13);
        h = h * 5 + 0xe6546b64;
        h ^= 4;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
