package org.millrace.network.api;

/** The last element of every subpartition of a partition whose producer finished. Immutable singleton. */
public final class EndOfPartitionEvent extends RuntimeEvent {

    public static final EndOfPartitionEvent INSTANCE = new EndOfPartitionEvent();

    private EndOfPartitionEvent() {}

    @Override
    public String toString() {
        return "EndOfPartition";
    }
}
