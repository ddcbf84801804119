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
}
