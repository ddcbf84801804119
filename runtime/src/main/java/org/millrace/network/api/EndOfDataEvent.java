package org.millrace.network.api;

/**
 * The producer has emitted its last record and watermark, but its partition stays open for one more
 * checkpoint barrier: with checkpointing, a finished task waits for a checkpoint taken after its end
 * of data to complete (so two-phase-commit sinks commit its last output) before it sends
 * {@link EndOfPartitionEvent}. Immutable singleton.
 */
public final class EndOfDataEvent extends RuntimeEvent {

    public static final EndOfDataEvent INSTANCE = new EndOfDataEvent();

    private EndOfDataEvent() {}

    @Override
    public String toString() {
        return "EndOfData";
    }
}
