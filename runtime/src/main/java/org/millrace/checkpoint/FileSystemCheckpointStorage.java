package org.millrace.checkpoint;

import java.io.IOException;
import java.util.UUID;
import org.millrace.api.JobID;
import org.millrace.api.fs.Path;
import org.millrace.fs.FSDataOutputStream;
import org.millrace.fs.FileSystem;
import org.millrace.state.CheckpointStreamFactory;
import org.millrace.state.FileCheckpointStreamFactory;

/**
 * Checkpoints in a directory of any FileSystem scheme:
 * <pre>
 *   &lt;dir&gt;/&lt;job id&gt;/chk-&lt;n&gt;/_metadata      the checkpoint exists iff this file exists
 *   &lt;dir&gt;/&lt;job id&gt;/chk-&lt;n&gt;/state-...     state written for checkpoint n only
 *   &lt;dir&gt;/&lt;job id&gt;/shared/...             state shared between checkpoints (incremental RocksDB)
 *   &lt;savepoint dir&gt;/savepoint-&lt;job&gt;-&lt;random&gt;/  a savepoint: metadata and all its state, self-contained
 * </pre>
 * The metadata is written to {@code _metadata.inprogress}, synced, then renamed: a crash at any
 * point leaves either no {@code _metadata} or a complete one. Thread-safe (immutable).
 */
public final class FileSystemCheckpointStorage implements CheckpointStorage {

    public static final String METADATA_FILE = "_metadata";

    private final Path jobDirectory;
    private final Path defaultSavepointDirectory;
    private final JobID jobId;
    private final int inlineThreshold;

    public FileSystemCheckpointStorage(String checkpointDirectory, String defaultSavepointDirectory, JobID jobId, int inlineThreshold) {
        this.jobDirectory = new Path(new Path(checkpointDirectory), jobId.toHexString());
        this.defaultSavepointDirectory = defaultSavepointDirectory == null ? null : new Path(defaultSavepointDirectory);
        this.jobId = jobId;
        this.inlineThreshold = inlineThreshold;
    }

    public Path getJobDirectory() {
        return jobDirectory;
    }

    public Path getSharedStateDirectory() {
        return new Path(jobDirectory, "shared");
    }

    Path checkpointDirectory(long checkpointId) {
        return new Path(jobDirectory, "chk-" + checkpointId);
    }

    @Override
    public CheckpointStorageLocation initializeCheckpoint(long checkpointId) throws IOException {
        Path dir = checkpointDirectory(checkpointId);
        FileSystem.get(dir.toUri()).mkdirs(dir);
        return new DirectoryLocation(dir, null);
    }

    @Override
    public CheckpointStorageLocation initializeSavepoint(long checkpointId, String targetDirectory) throws IOException {
        Path base = targetDirectory != null ? new Path(targetDirectory) : defaultSavepointDirectory;
        if (base == null) {
            throw new IOException("No savepoint directory: give one, or set execution.checkpointing.savepoint-dir");
        }
        return createSavepointLocation(base, jobId);
    }

    static CheckpointStorageLocation createSavepointLocation(Path base, JobID jobId) throws IOException {
        Path dir = new Path(base, "savepoint-" + jobId.toHexString().substring(0, 6) + "-"
                + UUID.randomUUID().toString().substring(0, 12));
        FileSystem fs = FileSystem.get(dir.toUri());
        if (!fs.mkdirs(dir)) {
            throw new IOException("Cannot create savepoint directory " + dir);
        }
        return new DirectoryLocation(dir, dir.toString());
    }

    @Override
    public CheckpointStreamFactory createStreamFactory(long checkpointId, String locationReference) {
        if (locationReference != null) { // a savepoint: self-contained, so no shared state
            return new FileCheckpointStreamFactory(new Path(locationReference), inlineThreshold);
        }
        return new FileCheckpointStreamFactory(checkpointDirectory(checkpointId), inlineThreshold, getSharedStateDirectory());
    }

    /** A checkpoint's or savepoint's own directory. */
    static final class DirectoryLocation implements CheckpointStorageLocation {
        private final Path directory;
        private final String reference;

        DirectoryLocation(Path directory, String reference) {
            this.directory = directory;
            this.reference = reference;
        }

        @Override
        public String getLocationReference() {
            return reference;
        }

        @Override
        public String getExternalPointer() {
            return directory.toString();
        }

        @Override
        public void writeMetadata(byte[] metadata) throws IOException {
            FileSystem fs = FileSystem.get(directory.toUri());
            Path inProgress = new Path(directory, METADATA_FILE + ".inprogress");
            try (FSDataOutputStream out = fs.create(inProgress, FileSystem.WriteMode.OVERWRITE)) {
                out.write(metadata);
                out.flush();
                out.sync();
            }
            Path target = new Path(directory, METADATA_FILE);
            if (!fs.rename(inProgress, target)) {
                throw new IOException("Could not move " + inProgress + " to " + target);
            }
        }

        @Override
        public void discard() throws IOException {
            FileSystem.get(directory.toUri()).delete(directory, true);
        }

        @Override
        public String toString() {
            return directory.toString();
        }
    }
}
