package org.millrace.state.heap;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.millrace.api.state.StateDescriptor;

/**
 * The values of one heap state: a hash map per key group from key to value.
 *
 * <h3>Copy on write per key group</h3>
 * A snapshot {@link #freeze() freezes} every key group's map (O(number of key groups)) and hands
 * the frozen maps to the asynchronous snapshot thread, which only reads them. The first change to a
 * frozen key group afterwards (or a read that returns a value the user may mutate) first replaces
 * that group's map by a copy, with mutable values deep-copied by {@code valueCopier}; so the
 * snapshot sees the state as of the snapshot call while processing goes on. The cost is one copy
 * of each key group that is written while a snapshot is still running, spread over the records
 * that touch it; once no snapshot is running (the backend's counter is 0) a frozen group is simply
 * thawed without a copy.
 *
 * <p>Thread safety: used by the task's thread; frozen maps are also read by snapshot threads, and
 * the task thread never changes a map after freezing it.
 */
final class StateTable<K, S> {

    final String name;
    final StateDescriptor.Type type;
    private final int startKeyGroup;
    /** Deep copy of a stored value, or null if stored values are never changed in place. */
    private final UnaryOperator<S> valueCopier;
    /** Owned by the task thread; the maps in it may be shared with snapshots, see {@link #frozen}. */
    private final HashMap<K, S>[] maps;
    /** True where maps[i] may be shared with a snapshot and must be copied before a change. Task thread only. */
    private final boolean[] frozen;
    /**
     * Snapshots of the backend not yet finished; decremented by snapshot threads after their last
     * read of a frozen map, so a 0 read here means no snapshot reads any frozen map any more.
     */
    private final java.util.concurrent.atomic.AtomicInteger runningSnapshots;

    @SuppressWarnings("unchecked")
    StateTable(String name, StateDescriptor.Type type, int startKeyGroup, int numberOfKeyGroups, UnaryOperator<S> valueCopier,
            java.util.concurrent.atomic.AtomicInteger runningSnapshots) {
        this.name = name;
        this.runningSnapshots = runningSnapshots;
        this.type = type;
        this.startKeyGroup = startKeyGroup;
        this.valueCopier = valueCopier;
        this.maps = new HashMap[numberOfKeyGroups];
        for (int i = 0; i < maps.length; i++) {
            maps[i] = new HashMap<>();
        }
        this.frozen = new boolean[numberOfKeyGroups];
    }

    /** The value for reading only: the caller must not change it. */
    S get(K key, int keyGroup) {
        return maps[keyGroup - startKeyGroup].get(key);
    }

    /** The value for changing in place (or handing to user code that may change it). */
    S getForUpdate(K key, int keyGroup) {
        return writableMap(keyGroup).get(key);
    }

    void put(K key, int keyGroup, S value) {
        writableMap(keyGroup).put(key, value);
    }

    void remove(K key, int keyGroup) {
        if (maps[keyGroup - startKeyGroup].containsKey(key)) { // no copy for a no-op
            writableMap(keyGroup).remove(key);
        }
    }

    private HashMap<K, S> writableMap(int keyGroup) {
        int index = keyGroup - startKeyGroup;
        if (frozen[index]) {
            frozen[index] = false;
            if (runningSnapshots.get() == 0) {
                return maps[index];
            }
            HashMap<K, S> copy = new HashMap<>(maps[index]);
            if (valueCopier != null) {
                copy.replaceAll((k, v) -> valueCopier.apply(v));
            }
            maps[index] = copy;
        }
        return maps[index];
    }

    /** Marks every key group shared and returns the maps, indexed by key group minus the range start. */
    Map<K, S>[] freeze() {
        java.util.Arrays.fill(frozen, true);
        return maps.clone();
    }

    int size() {
        int size = 0;
        for (HashMap<K, S> map : maps) {
            size += map.size();
        }
        return size;
    }
}
