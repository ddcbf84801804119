package org.millrace.state;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Writes one snapshot in the {@link KeyedSnapshotFormat}: the header, then the key groups in order
 * ({@link #startKeyGroup}), each with the entries of its states ({@link #writeEntry}, all entries
 * of one state together). Used by one thread: the asynchronous snapshot thread.
 */
public final class KeyedSnapshotWriter {

    private final CheckpointOutputStream stream;
    private final DataOutputStream out;
    private final KeyGroupRange keyGroupRange;
    private final long[] offsets;
    private int nextKeyGroup;
    private boolean inKeyGroup;
    private int currentState = KeyedSnapshotFormat.END;

    public KeyedSnapshotWriter(
            CheckpointOutputStream stream, KeyGroupRange keyGroupRange, int numberOfKeyGroups, List<StateMetaInfo> states)
            throws IOException {
        this.stream = stream;
        this.out = new DataOutputStream(new BufferedOutputStream(stream, 64 * 1024));
        this.keyGroupRange = keyGroupRange;
        this.offsets = new long[keyGroupRange.getNumberOfKeyGroups()];
        this.nextKeyGroup = keyGroupRange.getStartKeyGroup();
        KeyedSnapshotFormat.writeHeader(out, KeyedSnapshotFormat.MAGIC, KeyedSnapshotFormat.VERSION, numberOfKeyGroups,
                states);
    }

    /** Ends the previous key group and starts {@code keyGroup}, which must be the next one of the range. */
    public void startKeyGroup(int keyGroup) throws IOException {
        if (keyGroup != nextKeyGroup || !keyGroupRange.contains(keyGroup)) {
            throw new IllegalStateException("expected key group " + nextKeyGroup + " of " + keyGroupRange + ", got " + keyGroup);
        }
        endKeyGroup();
        out.flush(); // the offset is the underlying stream's position
        offsets[keyGroup - keyGroupRange.getStartKeyGroup()] = stream.getPos();
        inKeyGroup = true;
        nextKeyGroup++;
    }

    public void writeEntry(int stateIndex, byte[] key, int keyOffset, int keyLength, byte[] value, int valueOffset,
            int valueLength) throws IOException {
        if (!inKeyGroup) {
            throw new IllegalStateException("an entry outside a key group");
        }
        if (stateIndex != currentState) {
            if (currentState != KeyedSnapshotFormat.END) {
                out.writeInt(KeyedSnapshotFormat.END);
            }
            out.writeInt(stateIndex);
            currentState = stateIndex;
        }
        out.writeInt(keyLength);
        out.write(key, keyOffset, keyLength);
        out.writeInt(valueLength);
        out.write(value, valueOffset, valueLength);
    }

    private void endKeyGroup() throws IOException {
        if (inKeyGroup) {
            if (currentState != KeyedSnapshotFormat.END) {
                out.writeInt(KeyedSnapshotFormat.END);
                currentState = KeyedSnapshotFormat.END;
            }
            out.writeInt(KeyedSnapshotFormat.END);
            inKeyGroup = false;
        }
    }

    /** Writes any key groups not started (empty) and returns the handle. */
    public KeyGroupsStateHandle finish() throws IOException {
        while (keyGroupRange.contains(nextKeyGroup)) {
            startKeyGroup(nextKeyGroup);
        }
        endKeyGroup();
        out.flush();
        StreamStateHandle handle = stream.closeAndGetHandle();
        return new KeyGroupsStateHandle(new KeyGroupRangeOffsets(keyGroupRange, offsets), handle);
    }
}
