package org.millrace.state;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.millrace.api.state.State;
import org.millrace.api.state.StateDescriptor;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.graph.partitioner.KeyGroupRangeAssignment;

/**
 * What both backends share: the current key and its key group, and the states created so far by
 * name. Used only from the task's thread (see {@link KeyedStateBackend}).
 */
public abstract class AbstractKeyedStateBackend<K> implements KeyedStateBackend<K> {

    protected final String operatorIdentifier;
    protected final TypeSerializer<K> keySerializer;
    protected final int numberOfKeyGroups;
    protected final KeyGroupRange keyGroupRange;

    private K currentKey;
    private int currentKeyGroup = -1;

    /** The user-facing states by name, with their descriptors' kinds. */
    private final Map<String, State> states = new HashMap<>();
    private final Map<String, StateDescriptor.Type> stateTypes = new HashMap<>();

    protected AbstractKeyedStateBackend(KeyedStateBackendParameters<K> parameters) {
        this.operatorIdentifier = parameters.operatorIdentifier();
        this.keySerializer = parameters.keySerializer();
        this.numberOfKeyGroups = parameters.numberOfKeyGroups();
        this.keyGroupRange = parameters.keyGroupRange();
    }

    @Override
    public void setCurrentKey(K key) {
        int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(Objects.requireNonNull(key, "a key must not be null"),
                numberOfKeyGroups);
        if (!keyGroupRange.contains(keyGroup)) {
            throw new IllegalArgumentException("key " + key + " is in key group " + keyGroup + ", outside this backend's "
                    + keyGroupRange + ": the key selector is not deterministic, or records are partitioned wrongly");
        }
        currentKey = key;
        currentKeyGroup = keyGroup;
    }

    @Override
    public K getCurrentKey() {
        return currentKey;
    }

    @Override
    public int getCurrentKeyGroupIndex() {
        return currentKeyGroup;
    }

    @Override
    public KeyGroupRange getKeyGroupRange() {
        return keyGroupRange;
    }

    @Override
    public int getNumberOfKeyGroups() {
        return numberOfKeyGroups;
    }

    @Override
    public TypeSerializer<K> getKeySerializer() {
        return keySerializer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends State> S getPartitionedState(StateDescriptor<S, ?> descriptor) throws Exception {
        State state = states.get(descriptor.getName());
        if (state == null) {
            state = createState(descriptor);
            states.put(descriptor.getName(), state);
            stateTypes.put(descriptor.getName(), descriptor.getType());
        } else {
            checkType(descriptor.getName(), stateTypes.get(descriptor.getName()), descriptor.getType());
        }
        return (S) state;
    }

    /** Fails if a state named {@code name} of kind {@code existing} is asked for as {@code requested}. */
    protected static void checkType(String name, StateDescriptor.Type existing, StateDescriptor.Type requested) {
        if (existing != requested) {
            throw new IllegalStateException("state '" + name + "' is " + existing + " state, asked for as " + requested);
        }
    }

    /** Creates the state for a name asked for the first time (maybe filled from a restore). */
    protected abstract State createState(StateDescriptor<?, ?> descriptor) throws Exception;
}
