package org.millrace.state;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An incremental RocksDB snapshot of one backend at one checkpoint: the database's files as
 * uploaded to checkpoint storage. Immutable; any thread.
 *
 * <ul>
 *   <li><b>shared state</b>: the SST files by their RocksDB file name. An SST file never changes,
 *       so a file uploaded for an earlier checkpoint of the same backend is referred to again
 *       instead of uploaded again; these streams live in the job's {@code shared/} directory and are
 *       deleted by the checkpoint coordinator when no retained checkpoint refers to them, never by
 *       {@link #discardState()};
 *   <li><b>private state</b>: the other files of the database ({@code MANIFEST-*}, {@code CURRENT},
 *       {@code OPTIONS-*}, logs), uploaded for every checkpoint into its own directory;
 *   <li><b>meta data</b>: the states (column families) and their kinds ({@code RocksDBSnapshotMetaData}
 *       of the rocksdb package writes and reads it).
 * </ul>
 *
 * <p>A restore into the same key-group range opens the database from these files; a restore into
 * another range copies the key groups it owns out of them.
 */
public final class IncrementalRemoteKeyedStateHandle implements KeyedStateHandle {

    private static final long serialVersionUID = 1L;

    private final String backendIdentifier;
    private final long checkpointId;
    private final KeyGroupRange keyGroupRange;
    private final Map<String, StreamStateHandle> sharedState;
    private final Map<String, StreamStateHandle> privateState;
    private final StreamStateHandle metaStateHandle;
    private final long checkpointedSize;

    /**
     * @param backendIdentifier the backend instance that took the snapshot (unique per instance)
     * @param sharedState SST files by file name
     * @param privateState the other database files by file name
     * @param checkpointedSize bytes uploaded for this checkpoint; negative if unknown (a handle read
     *     back from checkpoint metadata, which does not record it), then the whole state size
     */
    public IncrementalRemoteKeyedStateHandle(String backendIdentifier, long checkpointId, KeyGroupRange keyGroupRange,
            Map<String, StreamStateHandle> sharedState, Map<String, StreamStateHandle> privateState,
            StreamStateHandle metaStateHandle, long checkpointedSize) {
        this.backendIdentifier = backendIdentifier;
        this.checkpointId = checkpointId;
        this.keyGroupRange = keyGroupRange;
        this.sharedState = Collections.unmodifiableMap(new TreeMap<>(sharedState));
        this.privateState = Collections.unmodifiableMap(new TreeMap<>(privateState));
        this.metaStateHandle = metaStateHandle;
        this.checkpointedSize = checkpointedSize;
    }

    public String getBackendIdentifier() {
        return backendIdentifier;
    }

    public long getCheckpointId() {
        return checkpointId;
    }

    /** SST files by file name, sorted by name. */
    public Map<String, StreamStateHandle> getSharedState() {
        return sharedState;
    }

    /** The other database files by file name, sorted by name. */
    public Map<String, StreamStateHandle> getPrivateState() {
        return privateState;
    }

    public StreamStateHandle getMetaStateHandle() {
        return metaStateHandle;
    }

    @Override
    public KeyGroupRange getKeyGroupRange() {
        return keyGroupRange;
    }

    @Override
    public long getStateSize() {
        long size = metaStateHandle.getStateSize();
        for (StreamStateHandle h : sharedState.values()) {
            size += h.getStateSize();
        }
        for (StreamStateHandle h : privateState.values()) {
            size += h.getStateSize();
        }
        return size;
    }

    @Override
    public long getCheckpointedSize() {
        return checkpointedSize >= 0 ? checkpointedSize : getStateSize();
    }

    @Override
    public Collection<StreamStateHandle> getStreamStateHandles() {
        List<StreamStateHandle> all = new ArrayList<>(sharedState.size() + privateState.size() + 1);
        all.addAll(sharedState.values());
        all.addAll(privateState.values());
        all.add(metaStateHandle);
        return all;
    }

    @Override
    public Collection<StreamStateHandle> getSharedStateHandles() {
        return sharedState.values();
    }

    /** Deletes the private files and the meta data; shared files stay (see the class comment). */
    @Override
    public void discardState() throws IOException {
        IOException first = null;
        List<StreamStateHandle> own = new ArrayList<>(privateState.values());
        own.add(metaStateHandle);
        for (StreamStateHandle h : own) {
            try {
                h.discardState();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return "IncrementalRemoteKeyedStateHandle{backend " + backendIdentifier + ", checkpoint " + checkpointId + ", "
                + keyGroupRange + ", " + sharedState.size() + " shared and " + privateState.size() + " private files, "
                + getStateSize() + " bytes, " + getCheckpointedSize() + " uploaded}";
    }
}
