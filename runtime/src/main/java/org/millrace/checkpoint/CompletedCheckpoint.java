package org.millrace.checkpoint;

import java.util.HashSet;
import java.util.Set;
import org.millrace.state.FileStateHandle;
import org.millrace.state.KeyedStateHandle;
import org.millrace.state.StreamStateHandle;

/**
 * A checkpoint whose metadata is written: recovery may start from it. Immutable; the JobMaster's
 * main thread and its I/O thread use it.
 */
public record CompletedCheckpoint(CheckpointMetadata metadata, CheckpointStorageLocation location, long completionTimestamp) {

    public long checkpointId() {
        return metadata.checkpointId();
    }

    /** The state files it refers to, shared ones included (inline state has none). */
    public Set<StreamStateHandle> stateFiles() {
        return files(false);
    }

    /**
     * The state files it shares with other checkpoints (incremental RocksDB SST files, in the job's
     * {@code shared/} directory, outside this checkpoint's own directory).
     */
    public Set<StreamStateHandle> sharedStateFiles() {
        return files(true);
    }

    private Set<StreamStateHandle> files(boolean sharedOnly) {
        Set<StreamStateHandle> files = new HashSet<>();
        for (OperatorState op : metadata.operatorStates().values()) {
            for (OperatorSubtaskState s : op.subtaskStates().values()) {
                for (KeyedStateHandle h : s.keyedState()) {
                    for (StreamStateHandle f : sharedOnly ? h.getSharedStateHandles() : h.getStreamStateHandles()) {
                        if (f instanceof FileStateHandle) {
                            files.add(f);
                        }
                    }
                }
            }
        }
        return files;
    }
}
