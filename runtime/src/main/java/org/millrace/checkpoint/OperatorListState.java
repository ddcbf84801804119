package org.millrace.checkpoint;

import java.io.Serializable;
import java.util.List;

/**
 * One named list of an operator subtask's non-keyed state (a source's splits, a sink's committables
 * and writer state), its entries as serialized bytes. Small by nature, so it travels inline in
 * acknowledgements and metadata. Immutable.
 *
 * @param distribution how the entries of all subtasks are dealt out when the parallelism changes
 */
public record OperatorListState(String name, Distribution distribution, List<byte[]> entries) implements Serializable {

    /** How list entries are redistributed after a change of parallelism. */
    public enum Distribution {
        /** Each entry goes to one new subtask (round-robin); with the same parallelism each keeps its own. */
        SPLIT,
        /** Every new subtask gets all entries of all former subtasks. */
        UNION
    }

    public OperatorListState {
        entries = List.copyOf(entries);
    }

    public long sizeInBytes() {
        long size = 0;
        for (byte[] e : entries) {
            size += e.length;
        }
        return size;
    }
}
