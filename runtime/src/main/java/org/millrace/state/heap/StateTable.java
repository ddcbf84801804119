package org.millrace.state.heap;

import java.util.function.UnaryOperator;
import org.millrace.api.state.StateDescriptor;

/**
 * The values of one heap state: one chained hash table from key to value over all key groups of
 * the backend. Indexed like {@code java.util.HashMap} (the key's hashCode with its high bits folded
 * in), so keys with neighbouring hash codes stay in neighbouring buckets; key groups are only
 * worked out when a snapshot writes the entries (see {@link StateTableSnapshot}).
 *
 * <h3>Copy on write per entry</h3>
 * A snapshot {@link SnapshotVersions#start() starts a version} and {@link #snapshot() copies the
 * bucket array} (the only O(n) part on the task thread, an array copy); the snapshot thread then
 * reads the chains from that copy. Every entry carries the version it was created in and the
 * version its value was set or copied in. While a snapshot of a later version runs
 * ({@link SnapshotVersions#required()}), the task thread never changes such an entry: a change
 * copies the entry and the entries before it in its chain (so the snapshot's chains stay intact),
 * a value handed out for changing in place is first deep-copied with {@code valueCopier}, and a
 * resize copies the shared entries instead of relinking them. With no snapshot running, every
 * entry is changed in place, as in a plain hash map.
 *
 * <h3>Current-key cache</h3>
 * The entry found for the backend's current key is remembered with the key's stamp (a number the
 * backend changes on every {@code setCurrentKey}), so a read then write of the same key (value()
 * then update()) is one lookup. Anything that unlinks or replaces entries forgets it.
 *
 * <p>Thread safety: used by the task thread; entries reachable from a snapshot's bucket array are
 * also read by that snapshot's thread, and the task thread does not change them until the
 * snapshot releases its version.
 */
final class StateTable<K, S> {

    /** A key stamp that never matches: for accesses outside the record path (restores). */
    static final long NO_KEY_STAMP = Long.MIN_VALUE;

    private static final int MIN_CAPACITY = 64;
    private static final int MAX_CAPACITY = 1 << 30;

    final String name;
    final StateDescriptor.Type type;
    /** Deep copy of a stored value, or null if stored values are never changed in place. */
    private final UnaryOperator<S> valueCopier;
    private final SnapshotVersions versions;

    /** Task thread only; a snapshot reads its own copy. Length a power of two. */
    private Entry<K, S>[] buckets;
    private int size;
    /** Resize when size reaches this (load factor 0.75). */
    private int threshold;

    /** The entry of the key with stamp {@link #cachedKeyStamp}, or null. Task thread only. */
    private Entry<K, S> cachedEntry;
    private long cachedKeyStamp = NO_KEY_STAMP;

    StateTable(String name, StateDescriptor.Type type, UnaryOperator<S> valueCopier, SnapshotVersions versions) {
        this.name = name;
        this.type = type;
        this.valueCopier = valueCopier;
        this.versions = versions;
        this.buckets = newBuckets(MIN_CAPACITY);
        this.threshold = MIN_CAPACITY / 4 * 3;
    }

    /**
     * The value for reading only: the caller must not change it.
     *
     * @param hashCode {@code key.hashCode()}
     * @param keyStamp the backend's stamp of {@code key}, or {@link #NO_KEY_STAMP}
     */
    S get(K key, int hashCode, long keyStamp) {
        Entry<K, S> entry = cached(keyStamp);
        if (entry == null) {
            entry = find(key, hashCode);
            remember(entry, keyStamp);
        }
        return entry == null ? null : entry.value;
    }

    /** The value for changing in place (or handing to user code that may change it). */
    S getForUpdate(K key, int hashCode, long keyStamp) {
        int required = versions.required();
        Entry<K, S> entry = cached(keyStamp);
        if (entry == null || entry.entryVersion < required || entry.valueVersion < required) {
            entry = findForUpdate(key, hashCode, required, true);
            remember(entry, keyStamp);
        }
        return entry == null ? null : entry.value;
    }

    void put(K key, int hashCode, S value, long keyStamp) {
        int required = versions.required();
        Entry<K, S> entry = cached(keyStamp);
        if (entry == null || entry.entryVersion < required) {
            entry = findForUpdate(key, hashCode, required, false);
            if (entry == null) {
                remember(insert(key, hashCode, value), keyStamp);
                return;
            }
            remember(entry, keyStamp);
        }
        entry.value = value;
        entry.valueVersion = versions.current();
    }

    void remove(K key, int hashCode) {
        int index = indexOf(hashCode, buckets.length);
        Entry<K, S> previous = null;
        for (Entry<K, S> entry = buckets[index]; entry != null; previous = entry, entry = entry.next) {
            if (entry.hashCode == hashCode && key.equals(entry.key)) {
                if (previous == null) {
                    buckets[index] = entry.next; // the array is ours; the snapshot has its own copy
                } else {
                    int required = versions.required();
                    Entry<K, S> writable = previous.entryVersion < required ? copyChainTo(index, previous, required) : previous;
                    writable.next = entry.next;
                }
                size--;
                cachedEntry = null;
                return;
            }
        }
    }

    /**
     * The state as of now for a snapshot. Call right after {@link SnapshotVersions#start()}, before
     * any other change: from then on the task thread leaves the returned chains alone.
     */
    StateTableSnapshot<K, S> snapshot() {
        return new StateTableSnapshot<>(buckets.clone(), size);
    }

    int size() {
        return size;
    }

    private Entry<K, S> cached(long keyStamp) {
        return keyStamp == cachedKeyStamp ? cachedEntry : null;
    }

    private void remember(Entry<K, S> entry, long keyStamp) {
        if (keyStamp == NO_KEY_STAMP) {
            return;
        }
        cachedEntry = entry;
        cachedKeyStamp = keyStamp;
    }

    private Entry<K, S> find(K key, int hashCode) {
        for (Entry<K, S> entry = buckets[indexOf(hashCode, buckets.length)]; entry != null; entry = entry.next) {
            if (entry.hashCode == hashCode && (entry.key == key || key.equals(entry.key))) {
                return entry;
            }
        }
        return null;
    }

    /** The key's entry, made changeable (and its value too if {@code unshareValue}), or null if absent. */
    private Entry<K, S> findForUpdate(K key, int hashCode, int required, boolean unshareValue) {
        int index = indexOf(hashCode, buckets.length);
        for (Entry<K, S> entry = buckets[index]; entry != null; entry = entry.next) {
            if (entry.hashCode == hashCode && (entry.key == key || key.equals(entry.key))) {
                if (entry.entryVersion < required) {
                    entry = copyChainTo(index, entry, required);
                }
                if (unshareValue && entry.valueVersion < required) {
                    if (valueCopier != null) {
                        entry.value = valueCopier.apply(entry.value);
                    }
                    entry.valueVersion = versions.current();
                }
                return entry;
            }
        }
        return null;
    }

    /**
     * Replaces the shared entries from the head of bucket {@code index} down to {@code target} by
     * copies, so that target's copy (returned) and its predecessor's link may be changed.
     */
    private Entry<K, S> copyChainTo(int index, Entry<K, S> target, int required) {
        int current = versions.current();
        Entry<K, S> previous = null; // always changeable: a copy or an entry newer than every running snapshot
        for (Entry<K, S> entry = buckets[index]; ; entry = entry.next) {
            Entry<K, S> writable = entry;
            if (entry.entryVersion < required) {
                writable = entry.copy(current);
                if (previous == null) {
                    buckets[index] = writable;
                } else {
                    previous.next = writable;
                }
            }
            if (entry == target) {
                cachedEntry = null; // it may be one of the replaced entries
                return writable;
            }
            previous = writable;
        }
    }

    private Entry<K, S> insert(K key, int hashCode, S value) {
        if (size >= threshold) {
            resize();
        }
        int index = indexOf(hashCode, buckets.length);
        int current = versions.current();
        Entry<K, S> entry = new Entry<>(key, hashCode, value, buckets[index], current, current);
        buckets[index] = entry;
        size++;
        return entry;
    }

    /** Doubles the bucket array; entries a running snapshot may read are copied, not relinked. */
    private void resize() {
        Entry<K, S>[] old = buckets;
        if (old.length >= MAX_CAPACITY) {
            threshold = Integer.MAX_VALUE;
            return;
        }
        Entry<K, S>[] resized = newBuckets(old.length * 2);
        int required = versions.required();
        int current = versions.current();
        for (Entry<K, S> head : old) {
            Entry<K, S> entry = head;
            while (entry != null) {
                Entry<K, S> next = entry.next; // read before relinking
                Entry<K, S> moved = entry.entryVersion < required ? entry.copy(current) : entry;
                int index = indexOf(moved.hashCode, resized.length);
                moved.next = resized[index];
                resized[index] = moved;
                entry = next;
            }
        }
        buckets = resized;
        threshold = resized.length / 4 * 3;
        cachedEntry = null;
    }

    /** HashMap's index: the hash code with its high half folded into the low half. */
    static int indexOf(int hashCode, int length) {
        return (hashCode ^ (hashCode >>> 16)) & (length - 1);
    }

    @SuppressWarnings("unchecked")
    private static <K, S> Entry<K, S>[] newBuckets(int length) {
        return (Entry<K, S>[]) new Entry<?, ?>[length];
    }

    /**
     * One key's value. Changed only by the task thread, and only while no running snapshot may read
     * it ({@code entryVersion} not below {@link SnapshotVersions#required()}).
     */
    static final class Entry<K, S> {
        final K key;
        final int hashCode;
        S value;
        Entry<K, S> next;
        /** The snapshot version this entry object was created in. */
        final int entryVersion;
        /** The snapshot version {@link #value} was set or deep-copied in: below required, it is shared with a snapshot. */
        int valueVersion;

        Entry(K key, int hashCode, S value, Entry<K, S> next, int entryVersion, int valueVersion) {
            this.key = key;
            this.hashCode = hashCode;
            this.value = value;
            this.next = next;
            this.entryVersion = entryVersion;
            this.valueVersion = valueVersion;
        }

        /** A changeable copy that still shares the value (and says so by keeping its version). */
        Entry<K, S> copy(int version) {
            return new Entry<>(key, hashCode, value, next, version, valueVersion);
        }

        K key() {
            return key;
        }

        S value() {
            return value;
        }
    }
}
