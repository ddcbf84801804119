package org.millrace.state;

import java.io.Serializable;

/**
 * The index of a keyed snapshot: for each key group of a range, the position in the state file
 * where its section starts, so a restore can seek straight to the groups it owns. Immutable once
 * built (the snapshot thread fills it before publishing the handle); any thread afterwards.
 */
public final class KeyGroupRangeOffsets implements Serializable {

    private static final long serialVersionUID = 1L;

    private final KeyGroupRange keyGroupRange;
    private final long[] offsets;

    public KeyGroupRangeOffsets(KeyGroupRange keyGroupRange, long[] offsets) {
        if (offsets.length != keyGroupRange.getNumberOfKeyGroups()) {
            throw new IllegalArgumentException(offsets.length + " offsets for " + keyGroupRange);
        }
        this.keyGroupRange = keyGroupRange;
        this.offsets = offsets.clone();
    }

    public KeyGroupRange getKeyGroupRange() {
        return keyGroupRange;
    }

    /** Where the section of {@code keyGroup} starts. */
    public long getKeyGroupOffset(int keyGroup) {
        if (!keyGroupRange.contains(keyGroup)) {
            throw new IllegalArgumentException("key group " + keyGroup + " is not in " + keyGroupRange);
        }
        return offsets[keyGroup - keyGroupRange.getStartKeyGroup()];
    }
}
