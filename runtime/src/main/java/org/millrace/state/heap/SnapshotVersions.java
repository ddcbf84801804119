package org.millrace.state.heap;

import java.util.TreeSet;

/**
 * The snapshot versions of one heap backend, which tell its {@link StateTable}s which entries a
 * running snapshot may still read. Every snapshot {@link #start() starts} a new version; an entry or
 * value stamped with a version below {@link #required()} may be read by a running snapshot and must
 * be copied before it is changed. A snapshot {@link #release(int) releases} its version after its
 * last read of the tables.
 *
 * <p>Thread safety: started by the task thread; released by snapshot threads (or by whoever cancels a
 * snapshot that never ran); {@link #required()} is read by the task thread on every write.
 */
final class SnapshotVersions {

    /** Snapshots started so far, and the version of entries created now. Written (under this) and read by the task thread only. */
    private int current;
    /** Versions of the snapshots not released yet. Guarded by this. */
    private final TreeSet<Integer> running = new TreeSet<>();
    /**
     * The highest running version, 0 if none. Written under this; read without a lock by the task
     * thread. A release writes it after the snapshot's last read, so a task thread that sees it
     * lowered may change what that snapshot read.
     */
    private volatile int required;

    /** The version stamped on entries and values created now. Task thread. */
    int current() {
        return current;
    }

    /** Entries and values stamped below this must be copied before a change. Task thread. */
    int required() {
        return required;
    }

    /** Starts a snapshot: everything existing now gets a version below the returned one. Task thread. */
    synchronized int start() {
        current++;
        running.add(current);
        required = current;
        return current;
    }

    /** Ends the snapshot of {@code version}; it must not read any table afterwards. Any thread. */
    synchronized void release(int version) {
        if (!running.remove(version)) {
            throw new IllegalStateException("snapshot version " + version + " is not running");
        }
        required = running.isEmpty() ? 0 : running.last();
    }
}
