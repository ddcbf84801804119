package org.millrace.graph.partitioner;

import org.millrace.api.functions.KeySelector;

/** Hash partitioning by key group: each key always reaches the subtask that owns its key group. */
public final class KeyGroupStreamPartitioner<T, K> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;

    private final KeySelector<T, K> keySelector;
    private final int maxParallelism;

    public KeyGroupStreamPartitioner(KeySelector<T, K> keySelector, int maxParallelism) {
        this.keySelector = keySelector;
        this.maxParallelism = maxParallelism;
    }

    public KeySelector<T, K> getKeySelector() {
        return keySelector;
    }

    public int getMaxParallelism() {
        return maxParallelism;
    }

    @Override
    public int selectChannel(T record) {
        K key;
        try {
            key = keySelector.getKey(record);
        } catch (Exception e) {
            throw new KeySelectionException("Could not extract the key of record " + record, e);
        }
        if (key == null) {
            throw new KeySelectionException("The key selector returned null for record " + record, null);
        }
        return KeyGroupRangeAssignment.assignKeyToParallelOperator(key, maxParallelism, numberOfChannels);
    }

    @Override
    public String toString() {
        return "HASH";
    }

    /** The user's key selector failed or returned null. */
    public static final class KeySelectionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        KeySelectionException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
