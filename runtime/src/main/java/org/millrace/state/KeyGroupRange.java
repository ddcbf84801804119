package org.millrace.state;

import java.io.Serializable;
import org.millrace.graph.partitioner.KeyGroupRangeAssignment;

/**
 * A contiguous range of key groups, {@code [start, end]} with both ends included (Flink's
 * convention); {@link #EMPTY} has none. Immutable; any thread.
 */
public final class KeyGroupRange implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final KeyGroupRange EMPTY = new KeyGroupRange(0, -1);

    private final int startKeyGroup;
    private final int endKeyGroup;

    private KeyGroupRange(int startKeyGroup, int endKeyGroup) {
        this.startKeyGroup = startKeyGroup;
        this.endKeyGroup = endKeyGroup;
    }

    /** The range {@code [start, end]}; empty if {@code end < start}. */
    public static KeyGroupRange of(int startKeyGroup, int endKeyGroup) {
        if (startKeyGroup < 0) {
            throw new IllegalArgumentException("negative start key group " + startKeyGroup);
        }
        return endKeyGroup < startKeyGroup ? EMPTY : new KeyGroupRange(startKeyGroup, endKeyGroup);
    }

    /** The key groups that subtask {@code subtaskIndex} of {@code parallelism} owns. */
    public static KeyGroupRange forSubtask(int maxParallelism, int parallelism, int subtaskIndex) {
        if (parallelism < 1 || parallelism > maxParallelism || subtaskIndex < 0 || subtaskIndex >= parallelism) {
            throw new IllegalArgumentException("subtask " + subtaskIndex + " of " + parallelism
                    + " with max parallelism " + maxParallelism);
        }
        return of(KeyGroupRangeAssignment.firstKeyGroup(maxParallelism, parallelism, subtaskIndex),
                KeyGroupRangeAssignment.firstKeyGroup(maxParallelism, parallelism, subtaskIndex + 1) - 1);
    }

    public int getStartKeyGroup() {
        return startKeyGroup;
    }

    /** The last key group, included. */
    public int getEndKeyGroup() {
        return endKeyGroup;
    }

    public int getNumberOfKeyGroups() {
        return endKeyGroup - startKeyGroup + 1;
    }

    public boolean contains(int keyGroup) {
        return keyGroup >= startKeyGroup && keyGroup <= endKeyGroup;
    }

    public KeyGroupRange getIntersection(KeyGroupRange other) {
        return of(Math.max(startKeyGroup, other.startKeyGroup), Math.min(endKeyGroup, other.endKeyGroup));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyGroupRange r && r.startKeyGroup == startKeyGroup && r.endKeyGroup == endKeyGroup;
    }

    @Override
    public int hashCode() {
        return 31 * startKeyGroup + endKeyGroup;
    }

    @Override
    public String toString() {
        return "KeyGroupRange{" + startKeyGroup + ".." + endKeyGroup + '}';
    }
}
