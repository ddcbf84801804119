package org.millrace.state;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

/**
 * A full keyed snapshot in the key-grouped format of {@link KeyedSnapshotFormat}: one state stream
 * plus the offset of each key group's section in it. Immutable; any thread.
 */
public final class KeyGroupsStateHandle implements KeyedStateHandle {

    private static final long serialVersionUID = 1L;

    private final KeyGroupRangeOffsets offsets;
    private final StreamStateHandle stateHandle;

    public KeyGroupsStateHandle(KeyGroupRangeOffsets offsets, StreamStateHandle stateHandle) {
        this.offsets = offsets;
        this.stateHandle = stateHandle;
    }

    public KeyGroupRangeOffsets getOffsets() {
        return offsets;
    }

    public StreamStateHandle getDelegateStateHandle() {
        return stateHandle;
    }

    @Override
    public KeyGroupRange getKeyGroupRange() {
        return offsets.getKeyGroupRange();
    }

    @Override
    public long getStateSize() {
        return stateHandle.getStateSize();
    }

    @Override
    public Collection<StreamStateHandle> getStreamStateHandles() {
        return List.of(stateHandle);
    }

    @Override
    public void discardState() throws IOException {
        stateHandle.discardState();
    }

    @Override
    public String toString() {
        return "KeyGroupsStateHandle{" + getKeyGroupRange() + ", " + stateHandle + '}';
    }
}
