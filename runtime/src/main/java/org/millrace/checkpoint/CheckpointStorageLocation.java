package org.millrace.checkpoint;

import java.io.IOException;

/**
 * The place of one checkpoint or savepoint. Used by the coordinator's thread and its I/O thread.
 */
public interface CheckpointStorageLocation {

    /** What the barrier carries so tasks write to this place; null means "the checkpoint's default place". */
    String getLocationReference();

    /** Where a user finds the checkpoint afterwards (its directory), or null if it lives in memory only. */
    String getExternalPointer();

    /**
     * Writes the metadata so that it appears complete or not at all (written aside, made durable,
     * then renamed into place): the checkpoint exists once this returns.
     */
    void writeMetadata(byte[] metadata) throws IOException;

    /** Deletes the place and everything in it (a failed or subsumed checkpoint). */
    void discard() throws IOException;
}
