package org.millrace.checkpoint;

import java.util.HashSet;
import java.util.Set;
import org.millrace.state.FileStateHandle;
import org.millrace.state.KeyGroupsStateHandle;
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

    /** The state files it refers to (inline state has none). */
    public Set<StreamStateHandle> stateFiles() {
        Set<StreamStateHandle> files = new HashSet<>();
        for (OperatorState op : metadata.operatorStates().values()) {
            for (OperatorSubtaskState s : op.subtaskStates().values()) {
                for (KeyedStateHandle h : s.keyedState()) {
                    if (h instanceof KeyGroupsStateHandle k && k.getDelegateStateHandle() instanceof FileStateHandle f) {
                        files.add(f);
                    }
                }
            }
        }
        return files;
    }
}
