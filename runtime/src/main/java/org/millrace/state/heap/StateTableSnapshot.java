package org.millrace.state.heap;

import java.io.IOException;
import org.millrace.graph.partitioner.KeyGroupRangeAssignment;
import org.millrace.state.KeyGroupRange;
import org.millrace.state.KeyedSnapshotWriter;

/**
 * One {@link StateTable} as of a snapshot call: a copy of its bucket array, whose chains the task
 * thread leaves unchanged until the snapshot releases its version. {@link #groupByKeyGroup} sorts
 * the entries by key group (a counting sort: the key group of each entry is computed here, once per
 * snapshot, not on the record path); {@link #writeKeyGroup} then writes one group's entries.
 *
 * <p>Thread safety: created by the task thread, then used by one snapshot thread only.
 */
final class StateTableSnapshot<K, S> {

    private final StateTable.Entry<K, S>[] buckets;
    private final int size;
    /** The entries ordered by key group; set by {@link #groupByKeyGroup}. */
    private StateTable.Entry<K, S>[] grouped;
    /** grouped[starts[i] .. starts[i + 1]) are the entries of key group range start + i. */
    private int[] starts;
    private int startKeyGroup;

    StateTableSnapshot(StateTable.Entry<K, S>[] buckets, int size) {
        this.buckets = buckets;
        this.size = size;
    }

    /** Orders the entries by their key group in {@code range}; fails on a key whose group lies outside it. */
    @SuppressWarnings("unchecked")
    void groupByKeyGroup(KeyGroupRange range, int numberOfKeyGroups) {
        startKeyGroup = range.getStartKeyGroup();
        int[] groups = new int[size];
        starts = new int[range.getNumberOfKeyGroups() + 1];
        int n = 0;
        for (StateTable.Entry<K, S> head : buckets) {
            for (StateTable.Entry<K, S> entry = head; entry != null; entry = entry.next) {
                int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(entry.key, numberOfKeyGroups);
                if (!range.contains(keyGroup)) {
                    throw new IllegalStateException("key " + entry.key + " is in key group " + keyGroup + ", outside "
                            + range + ": its hashCode changed since it was stored");
                }
                groups[n++] = keyGroup - startKeyGroup;
                starts[keyGroup - startKeyGroup + 1]++;
            }
        }
        if (n != size) {
            throw new IllegalStateException("snapshot of " + size + " entries found " + n + ": the table changed under it");
        }
        for (int i = 1; i < starts.length; i++) {
            starts[i] += starts[i - 1];
        }
        grouped = (StateTable.Entry<K, S>[]) new StateTable.Entry<?, ?>[size];
        int[] next = starts.clone();
        n = 0;
        for (StateTable.Entry<K, S> head : buckets) {
            for (StateTable.Entry<K, S> entry = head; entry != null; entry = entry.next) {
                grouped[next[groups[n++]]++] = entry;
            }
        }
    }

    /** Writes the entries of {@code keyGroup} as state {@code stateIndex}; after {@link #groupByKeyGroup}. */
    void writeKeyGroup(int keyGroup, int stateIndex, HeapStateCodec<K, S> codec, KeyedSnapshotWriter out)
            throws IOException {
        int index = keyGroup - startKeyGroup;
        for (int i = starts[index]; i < starts[index + 1]; i++) {
            codec.write(stateIndex, grouped[i].key, grouped[i].value, out);
        }
    }
}
