package org.millrace.checkpoint;

import java.io.IOException;
import org.millrace.api.JobID;
import org.millrace.api.fs.Path;
import org.millrace.state.CheckpointStreamFactory;
import org.millrace.state.FileCheckpointStreamFactory;
import org.millrace.state.MemoryCheckpointStreamFactory;

/**
 * Checkpoints without a checkpoint directory: every state stream is kept inline in the
 * acknowledgement and the completed checkpoint lives in the JobMaster's memory only. Enough to
 * recover from task failures within one run; nothing survives the JobMaster. Savepoints still go
 * to a directory. There is no place for state shared between checkpoints, so incremental RocksDB
 * checkpoints fall back to full snapshots here. Thread-safe (immutable).
 */
public final class JobManagerCheckpointStorage implements CheckpointStorage {

    /** State of one stream kept in memory at most (Flink's JobManager storage has a similar cap). */
    private static final int MAX_INLINE_STATE = 64 * 1024 * 1024;

    private final Path defaultSavepointDirectory;
    private final JobID jobId;
    private final int inlineThreshold;

    public JobManagerCheckpointStorage(String defaultSavepointDirectory, JobID jobId, int inlineThreshold) {
        this.defaultSavepointDirectory = defaultSavepointDirectory == null ? null : new Path(defaultSavepointDirectory);
        this.jobId = jobId;
        this.inlineThreshold = inlineThreshold;
    }

    @Override
    public CheckpointStorageLocation initializeCheckpoint(long checkpointId) {
        return new CheckpointStorageLocation() {
            @Override
            public String getLocationReference() {
                return null;
            }

            @Override
            public String getExternalPointer() {
                return null;
            }

            @Override
            public void writeMetadata(byte[] metadata) {}

            @Override
            public void discard() {}
        };
    }

    @Override
    public CheckpointStorageLocation initializeSavepoint(long checkpointId, String targetDirectory) throws IOException {
        Path base = targetDirectory != null ? new Path(targetDirectory) : defaultSavepointDirectory;
        if (base == null) {
            throw new IOException("No savepoint directory: give one, or set execution.checkpointing.savepoint-dir");
        }
        return FileSystemCheckpointStorage.createSavepointLocation(base, jobId);
    }

    @Override
    public CheckpointStreamFactory createStreamFactory(long checkpointId, String locationReference) {
        return locationReference != null
                ? new FileCheckpointStreamFactory(new Path(locationReference), inlineThreshold)
                : new MemoryCheckpointStreamFactory(MAX_INLINE_STATE);
    }
}
