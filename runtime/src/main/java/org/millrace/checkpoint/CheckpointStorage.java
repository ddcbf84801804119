package org.millrace.checkpoint;

import java.io.IOException;
import org.millrace.api.JobID;
import org.millrace.configuration.CheckpointingOptions;
import org.millrace.configuration.Configuration;
import org.millrace.state.CheckpointStreamFactory;

/**
 * Where one job's checkpoints and savepoints go. The JobMaster's coordinator asks it for a
 * location per checkpoint and writes the metadata there last; each task asks it for the stream
 * factory its state goes to. Implementations: {@link FileSystemCheckpointStorage} (a directory on
 * any FileSystem scheme; {@code execution.checkpointing.dir}) and {@link JobManagerCheckpointStorage}
 * (no directory: state inline in the acknowledgements, kept in the JobMaster's memory).
 * Thread-safe: the coordinator's thread, task threads and asynchronous snapshot threads use it.
 */
public interface CheckpointStorage {

    /** Creates the location of a checkpoint; its reference (null for the default) travels in the barrier. */
    CheckpointStorageLocation initializeCheckpoint(long checkpointId) throws IOException;

    /**
     * Creates the location of a savepoint under {@code targetDirectory} (or the default savepoint
     * directory if null); fails clearly if there is neither.
     */
    CheckpointStorageLocation initializeSavepoint(long checkpointId, String targetDirectory) throws IOException;

    /**
     * On a task: where the state of {@code checkpointId} goes, given the barrier's location
     * reference. Its {@link CheckpointStreamFactory#getSharedStateStreamFactory() shared-state
     * factory} is non-null only where checkpoints can share state (a checkpoint, not a savepoint, of
     * {@link FileSystemCheckpointStorage}: the job's {@code shared/} directory).
     */
    CheckpointStreamFactory createStreamFactory(long checkpointId, String locationReference) throws IOException;

    /** Deletes what this job's checkpoints left in shared places when the job ends for good. */
    default void shutdown(boolean jobFinished) {}

    /** The storage {@code configuration} asks for. */
    static CheckpointStorage fromConfiguration(Configuration configuration, JobID jobId) {
        int inlineThreshold = (int) Math.min(Integer.MAX_VALUE,
                configuration.get(CheckpointingOptions.INLINE_THRESHOLD).getBytes());
        String savepointDir = configuration.get(CheckpointingOptions.SAVEPOINT_DIRECTORY);
        String checkpointDir = configuration.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY);
        return checkpointDir != null
                ? new FileSystemCheckpointStorage(checkpointDir, savepointDir, jobId, inlineThreshold)
                : new JobManagerCheckpointStorage(savepointDir, jobId, inlineThreshold);
    }
}
