package org.millrace.state;

import java.io.IOException;

/**
 * Where snapshots write their state: creates one {@link CheckpointOutputStream} per state file.
 * Implementations: {@link MemoryCheckpointStreamFactory} (tests, small state) and
 * {@link FileCheckpointStreamFactory} (a local directory); checkpoint storage on the
 * {@code org.millrace.fs} FileSystem comes later. Thread-safe: asynchronous snapshot threads call it.
 */
public interface CheckpointStreamFactory {

    CheckpointOutputStream createCheckpointOutputStream() throws IOException;

    /**
     * Where state goes that later checkpoints may refer to as well (the SST files of incremental
     * RocksDB checkpoints), or null if this storage has no such place (state kept in memory, and
     * savepoints, which must be self-contained): backends then take full snapshots. Streams of the
     * shared factory always become files; the checkpoint coordinator deletes them once no retained
     * checkpoint refers to them, never when one checkpoint is discarded.
     */
    default CheckpointStreamFactory getSharedStateStreamFactory() {
        return null;
    }
}
