package org.millrace.checkpoint;

import java.io.Serializable;

/**
 * How long one subtask's part of a checkpoint took, for reporting.
 *
 * @param alignmentMillis from the first barrier to the last one on the task's inputs (0 for sources)
 * @param syncMillis the synchronous part on the task thread
 * @param asyncMillis writing the state on the asynchronous snapshot thread
 * @param stateSize bytes of state written (or referenced)
 * @param bytesUploaded bytes actually written for this checkpoint (less than stateSize when incremental)
 */
public record CheckpointMetrics(long alignmentMillis, long syncMillis, long asyncMillis, long stateSize, long bytesUploaded)
        implements Serializable {}
