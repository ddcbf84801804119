package org.millrace.state;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;

/**
 * Reads the key groups of a {@link KeyGroupsStateHandle} that fall into a wanted range, seeking to
 * each one's section, and hands every entry to a {@link RestoreTarget}. Used by the restoring
 * task's thread.
 */
public final class KeyedSnapshotReader {

    /** Receives restored entries; the arrays are fresh and may be kept. */
    @FunctionalInterface
    public interface RestoreTarget {
        void onEntry(StateMetaInfo state, int keyGroup, byte[] key, byte[] value) throws Exception;
    }

    private KeyedSnapshotReader() {}

    /**
     * Reads the sections of {@code wanted} ∩ the handle's range.
     *
     * @param onState called once per state of the snapshot, before its entries, even if it has none here
     *     (so a state survives a restore into a range where it is empty)
     */
    public static void read(KeyGroupsStateHandle handle, KeyGroupRange wanted, int numberOfKeyGroups,
            java.util.function.Consumer<StateMetaInfo> onState, RestoreTarget target) throws Exception {
        KeyGroupRange range = handle.getKeyGroupRange().getIntersection(wanted);
        try (SeekableStateInputStream stream = handle.getDelegateStateHandle().openInputStream()) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 64 * 1024));
            List<StateMetaInfo> states = KeyedSnapshotFormat.readHeader(in, KeyedSnapshotFormat.MAGIC,
                    KeyedSnapshotFormat.VERSION, numberOfKeyGroups, handle + " is not a keyed snapshot:");
            states.forEach(onState);
            for (int keyGroup = range.getStartKeyGroup(); keyGroup <= range.getEndKeyGroup(); keyGroup++) {
                stream.seek(handle.getOffsets().getKeyGroupOffset(keyGroup));
                in = new DataInputStream(new BufferedInputStream(stream, 64 * 1024)); // drop bytes buffered before the seek
                readKeyGroup(in, keyGroup, states, target);
            }
        }
    }

    private static void readKeyGroup(DataInputStream in, int keyGroup, List<StateMetaInfo> states, RestoreTarget target)
            throws Exception {
        for (int stateIndex = in.readInt(); stateIndex != KeyedSnapshotFormat.END; stateIndex = in.readInt()) {
            StateMetaInfo state = states.get(stateIndex);
            for (int keyLength = in.readInt(); keyLength != KeyedSnapshotFormat.END; keyLength = in.readInt()) {
                byte[] key = new byte[keyLength];
                in.readFully(key);
                byte[] value = new byte[in.readInt()];
                in.readFully(value);
                target.onEntry(state, keyGroup, key, value);
            }
        }
    }
}
