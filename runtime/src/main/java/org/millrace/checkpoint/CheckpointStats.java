package org.millrace.checkpoint;

import java.io.Serializable;

/**
 * What one checkpoint or savepoint did, for reports (the REST API and benchmarks). Immutable.
 *
 * @param completed false if it failed or was aborted ({@code failure} says why)
 * @param durationMillis from the trigger to the metadata being written (or to the failure)
 * @param stateSize bytes of state the checkpoint refers to
 * @param bytesWritten bytes written for this checkpoint (less than stateSize when state is shared)
 * @param externalPointer its directory, or null if it lives in memory only
 */
public record CheckpointStats(long checkpointId, boolean savepoint, boolean completed, long triggerTimestamp,
        long durationMillis, long stateSize, long bytesWritten, String externalPointer, String failure)
        implements Serializable {}
