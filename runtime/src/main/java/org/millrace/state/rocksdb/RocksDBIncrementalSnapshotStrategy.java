package org.millrace.state.rocksdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;
import org.millrace.state.CheckpointOutputStream;
import org.millrace.state.CheckpointStreamFactory;
import org.millrace.state.IncrementalRemoteKeyedStateHandle;
import org.millrace.state.KeyGroupRange;
import org.millrace.state.StateMetaInfo;
import org.millrace.state.StreamStateHandle;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * Incremental snapshots of one RocksDB backend ({@code state.backend.incremental: true}).
 *
 * <p>The synchronous part ({@link #takeLocalCheckpoint}, task thread) flushes the memtables and
 * takes a native RocksDB {@link Checkpoint} into a local directory next to the database: hard links
 * to the SST files and copies of the small files, so it is cheap and later writes and compactions
 * do not change it. The asynchronous part ({@link #upload}, a snapshot thread) uploads the SST
 * files this backend has not uploaded before into the shared-state factory, and the other files
 * and the meta data into the checkpoint's own factory; {@link IncrementalRemoteKeyedStateHandle}
 * names them all.
 *
 * <h3>Which uploads are reused</h3>
 * An SST file never changes and RocksDB never reuses a file name within a database, so the handle of
 * any SST file this backend instance uploaded before is reused, whether or not the checkpoint it
 * was uploaded for completed. That is safe because shared files are never deleted when one
 * checkpoint is discarded (aborted, declined, subsumed): the checkpoint coordinator deletes a shared
 * file only once no retained checkpoint refers to it, and deletes the shared files of an aborted
 * checkpoint only when a later completed checkpoint did not take them over (then the file is no
 * longer in the database, so no later snapshot can refer to it). A new backend instance (after a
 * restore) starts with nothing uploaded: its first incremental checkpoint uploads every file, so
 * a checkpoint never refers to files of another job's shared directory. Files uploaded by a
 * snapshot whose upload failed half-way stay reusable; if the database compacts them away before
 * the next checkpoint they stay in {@code shared/} until the job's directory is removed.
 *
 * <p>Thread safety: {@link #takeLocalCheckpoint} on the task thread; {@link #upload} on snapshot
 * threads (possibly several at once); the map of uploaded files is concurrent.
 */
final class RocksDBIncrementalSnapshotStrategy {

    private static final String SST_SUFFIX = ".sst";

    private final String backendIdentifier;
    private final KeyGroupRange keyGroupRange;
    private final int numberOfKeyGroups;
    /** Where the local checkpoints go: on the database's file system, so hard links work. */
    private final Path localDirectory;
    /** SST files uploaded by this backend instance, by file name; snapshot threads add to it. */
    private final ConcurrentMap<String, StreamStateHandle> uploadedSstFiles = new ConcurrentHashMap<>();
    /** Names local checkpoint directories uniquely; task thread only. */
    private long localCheckpoints;

    RocksDBIncrementalSnapshotStrategy(String backendIdentifier, KeyGroupRange keyGroupRange, int numberOfKeyGroups,
            Path localDirectory) {
        this.backendIdentifier = backendIdentifier;
        this.keyGroupRange = keyGroupRange;
        this.numberOfKeyGroups = numberOfKeyGroups;
        this.localDirectory = localDirectory;
    }

    /** Task thread: flushes the memtables and takes a native checkpoint; returns its directory. */
    Path takeLocalCheckpoint(RocksDB db, List<ColumnFamilyHandle> columns, long checkpointId) throws IOException {
        Path directory = localDirectory.resolve("chk-" + checkpointId + "-" + (++localCheckpoints));
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true); Checkpoint checkpoint = Checkpoint.create(db)) {
            if (!columns.isEmpty()) {
                db.flush(flush, columns);
            }
            checkpoint.createCheckpoint(directory.toString());
            return directory;
        } catch (RocksDBException e) {
            RocksDBKeyedStateBackend.deleteDirectory(directory);
            throw new IOException("Could not take a RocksDB checkpoint into " + directory, e);
        }
    }

    /**
     * Snapshot thread: uploads the files of {@code localCheckpoint} and the meta data. On failure
     * deletes what it wrote to the checkpoint's own factory (uploaded SST files stay reusable).
     */
    IncrementalRemoteKeyedStateHandle upload(long checkpointId, Path localCheckpoint, List<StateMetaInfo> states,
            CheckpointStreamFactory streamFactory) throws IOException {
        CheckpointStreamFactory sharedFactory = streamFactory.getSharedStateStreamFactory();
        Map<String, StreamStateHandle> shared = new HashMap<>();
        Map<String, StreamStateHandle> own = new HashMap<>();
        long uploaded = 0;
        boolean done = false;
        try {
            for (Path file : list(localCheckpoint)) {
                String name = file.getFileName().toString();
                if (name.endsWith(SST_SUFFIX)) {
                    StreamStateHandle handle = uploadedSstFiles.get(name);
                    if (handle == null) {
                        handle = uploadFile(file, sharedFactory);
                        uploaded += handle.getStateSize();
                        uploadedSstFiles.put(name, handle);
                    }
                    shared.put(name, handle);
                } else {
                    StreamStateHandle handle = uploadFile(file, streamFactory);
                    uploaded += handle.getStateSize();
                    own.put(name, handle);
                }
            }
            StreamStateHandle metaData;
            try (CheckpointOutputStream out = streamFactory.createCheckpointOutputStream()) {
                RocksDBSnapshotMetaData.write(out, numberOfKeyGroups, states);
                metaData = out.closeAndGetHandle();
            }
            uploaded += metaData.getStateSize();
            done = true;
            return new IncrementalRemoteKeyedStateHandle(backendIdentifier, checkpointId, keyGroupRange, shared, own,
                    metaData, uploaded);
        } finally {
            if (!done) {
                for (StreamStateHandle h : own.values()) {
                    discardQuietly(h);
                }
            }
        }
    }

    /** The names of the SST files uploaded so far (for tests). */
    java.util.Set<String> uploadedSstFileNames() {
        return java.util.Set.copyOf(uploadedSstFiles.keySet());
    }

    private static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> list = new ArrayList<>();
            files.filter(Files::isRegularFile).sorted().forEach(list::add);
            return list;
        }
    }

    private static StreamStateHandle uploadFile(Path file, CheckpointStreamFactory factory) throws IOException {
        try (InputStream in = Files.newInputStream(file); CheckpointOutputStream out = factory.createCheckpointOutputStream()) {
            in.transferTo(out);
            return out.closeAndGetHandle();
        }
    }

    private static void discardQuietly(StreamStateHandle handle) {
        try {
            handle.discardState();
        } catch (IOException e) {
            // best effort: the checkpoint failed anyway, and its directory is deleted with it
        }
    }
}
