package org.millrace.network.api;

import java.util.Objects;

/**
 * Marks the point in each stream that separates what belongs to checkpoint {@code checkpointId}
 * from what comes after it. Sources emit it when the coordinator triggers the checkpoint; a task
 * snapshots its state once it has the barrier from every input channel (aligned) and then forwards
 * it. A savepoint's barrier names the directory its state goes to. Immutable; any thread.
 *
 * @param checkpointId increasing per job
 * @param timestamp when the coordinator triggered it (ms since the epoch)
 * @param savepoint true for a savepoint (full, self-contained state)
 * @param targetLocation the directory the state goes to, or null for the job's checkpoint directory
 */
public record CheckpointBarrier(long checkpointId, long timestamp, boolean savepoint, String targetLocation)
        implements java.io.Serializable {

    public CheckpointBarrier {
        if (checkpointId < 1) {
            throw new IllegalArgumentException("checkpoint ids start at 1: " + checkpointId);
        }
    }

    /** Barrier payload as an event of the data plane. */
    public RuntimeEvent asEvent() {
        return new CheckpointBarrierEvent(this);
    }

    @Override
    public String toString() {
        return (savepoint ? "SavepointBarrier{" : "CheckpointBarrier{") + checkpointId
                + (targetLocation == null ? "" : ", " + targetLocation) + '}';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CheckpointBarrier b && b.checkpointId == checkpointId && b.timestamp == timestamp
                && b.savepoint == savepoint && Objects.equals(b.targetLocation, targetLocation);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(checkpointId);
    }
}
