package org.millrace.state;

import java.io.IOException;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;

/**
 * The keyed state of one backend at one checkpoint, for a range of key groups. What a snapshot
 * produces and a restore consumes; serializable so it can travel in checkpoint metadata.
 * Immutable; any thread.
 *
 * <h3>Shared state</h3>
 * A handle may refer to streams that other checkpoints refer to as well (the SST files of an
 * incremental RocksDB checkpoint: {@link #getSharedStateHandles()}). {@link #discardState()} never
 * deletes those: the checkpoint coordinator deletes a shared stream once no retained checkpoint
 * refers to it (it counts references through {@link #getStreamStateHandles()}).
 */
public interface KeyedStateHandle extends Serializable {

    KeyGroupRange getKeyGroupRange();

    /** Bytes of the whole state this handle stands for, shared streams included. */
    long getStateSize();

    /**
     * Bytes written for this handle's checkpoint: {@link #getStateSize()}, less what it shares with
     * earlier checkpoints.
     */
    default long getCheckpointedSize() {
        return getStateSize();
    }

    /** Every stream this handle refers to, shared ones included. */
    Collection<StreamStateHandle> getStreamStateHandles();

    /** The streams this handle shares with other checkpoints (a subset of {@link #getStreamStateHandles()}). */
    default Collection<StreamStateHandle> getSharedStateHandles() {
        return List.of();
    }

    /** Deletes the streams that belong to this handle alone (never {@link #getSharedStateHandles() shared} ones). */
    void discardState() throws IOException;
}
