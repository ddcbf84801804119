package org.millrace.state;

import java.io.Closeable;
import java.util.Collection;
import java.util.concurrent.RunnableFuture;
import org.millrace.api.state.State;
import org.millrace.api.state.StateDescriptor;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * The keyed state of one keyed operator subtask, for the key groups it owns.
 *
 * <h3>How an operator uses it</h3>
 * Before calling the user function for a record, the operator calls {@link #setCurrentKey} with
 * the record's key; every state object got from {@link #getPartitionedState} then reads and writes
 * that key's value. States are created once (in {@code open}) and kept; they are cheap to use per
 * record.
 *
 * <h3>Checkpoints</h3>
 * {@link #snapshot} runs its synchronous part on the task thread (short: it fixes the view of the
 * state) and returns a future whose {@code run()} writes the state; the caller runs it on an
 * asynchronous snapshot thread while the task goes on processing and changing state. The snapshot
 * holds the state as of the {@code snapshot} call. {@link #restore} must be called before the
 * first record, and reads only the key groups this backend owns.
 *
 * <h3>Thread safety</h3>
 * All methods are for the task's thread, except that the returned snapshot future runs on another
 * thread. {@link #close()} waits for running snapshots to finish before releasing resources.
 *
 * @param <K> the type of the keys
 */
public interface KeyedStateBackend<K> extends Closeable {

    /** Sets the key the states read and write; the key must belong to this backend's key groups. */
    void setCurrentKey(K key);

    K getCurrentKey();

    /** The key group of the current key. */
    int getCurrentKeyGroupIndex();

    KeyGroupRange getKeyGroupRange();

    /** The total number of key groups: the max parallelism. */
    int getNumberOfKeyGroups();

    TypeSerializer<K> getKeySerializer();

    /**
     * The state named by {@code descriptor}, created on first use (or filled from a restored
     * snapshot); bound to the current key.
     *
     * @throws IllegalStateException if a state of that name but another kind exists
     */
    <S extends State> S getPartitionedState(StateDescriptor<S, ?> descriptor) throws Exception;

    /**
     * Starts a snapshot: the synchronous part runs now, the returned future writes the state to a
     * stream of {@code streamFactory} when run (on any thread) and yields its handle.
     */
    RunnableFuture<KeyedStateHandle> snapshot(long checkpointId, CheckpointStreamFactory streamFactory) throws Exception;

    /**
     * {@link #snapshot(long, CheckpointStreamFactory)}, saying whether it must be full: a
     * self-contained snapshot in the key-grouped format of {@link KeyedSnapshotFormat} (savepoints).
     * Otherwise a backend may take an incremental one where it is configured to and the factory has a
     * {@link CheckpointStreamFactory#getSharedStateStreamFactory() shared-state factory}. The default
     * ignores the flag: backends whose snapshots are always full need not override it.
     */
    default RunnableFuture<KeyedStateHandle> snapshot(long checkpointId, CheckpointStreamFactory streamFactory,
            boolean fullSnapshot) throws Exception {
        return snapshot(checkpointId, streamFactory);
    }

    /** Loads the parts of {@code handles} that fall into this backend's key groups. Before any record. */
    void restore(Collection<KeyedStateHandle> handles) throws Exception;

    /** Releases the state and all resources, after waiting for running snapshots. */
    @Override
    void close();
}
