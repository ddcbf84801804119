package org.millrace.state.heap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RunnableFuture;
import java.util.function.UnaryOperator;
import org.millrace.api.state.AggregatingStateDescriptor;
import org.millrace.api.state.ListStateDescriptor;
import org.millrace.api.state.MapStateDescriptor;
import org.millrace.api.state.ReducingStateDescriptor;
import org.millrace.api.state.State;
import org.millrace.api.state.StateDescriptor;
import org.millrace.api.state.ValueStateDescriptor;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.state.AbstractKeyedStateBackend;
import org.millrace.state.AsyncSnapshotTask;
import org.millrace.state.CheckpointOutputStream;
import org.millrace.state.CheckpointStreamFactory;
import org.millrace.state.KeyGroupsStateHandle;
import org.millrace.state.KeyedSnapshotReader;
import org.millrace.state.KeyedSnapshotWriter;
import org.millrace.state.KeyedStateBackendParameters;
import org.millrace.state.KeyedStateHandle;
import org.millrace.state.StateMetaInfo;

/**
 * Keyed state as objects on the heap ({@code state.backend.type: hashmap}): per state one
 * {@link StateTable} (key -> value) over all key groups of the backend. Values are kept as objects
 * and serialized only by snapshots, with the state's serializers.
 *
 * <p>Record path: {@link #setCurrentKey} also computes the key's hash code once and gives the key a
 * new stamp, so the states look the key up with that hash and a value() then update() of the same
 * key finds the entry once (see {@link StateTable}).
 *
 * <p>Snapshots: the synchronous part starts a {@link SnapshotVersions snapshot version}, copies
 * every table's bucket array (copy on write per entry, see {@link StateTable}) and duplicates the
 * serializers; the asynchronous part sorts each table's entries by key group
 * ({@link StateTableSnapshot}) and serializes them in the {@link org.millrace.state.KeyedSnapshotFormat}.
 * Restored states that no descriptor has asked for yet are kept as bytes and written unchanged into
 * later snapshots.
 *
 * <p>Thread safety: the task's thread, except the snapshot future (see {@link org.millrace.state.KeyedStateBackend}).
 */
public final class HeapKeyedStateBackend<K> extends AbstractKeyedStateBackend<K> {

    /** States asked for, in the order they were; task thread only. */
    private final LinkedHashMap<String, Registered<K, ?>> registered = new LinkedHashMap<>();
    /** Started by the task thread, released by snapshot threads; see the class. */
    private final SnapshotVersions versions = new SnapshotVersions();
    /** Restored states not asked for yet; task thread only. Their entry lists never change after the restore. */
    private final LinkedHashMap<String, RawState> unregistered = new LinkedHashMap<>();

    /** {@code getCurrentKey().hashCode()}; task thread only. */
    private int currentKeyHash;
    /** Changes with every {@link #setCurrentKey}, so a table's cached entry is used only for the same call. Task thread only. */
    private long currentKeyStamp;

    public HeapKeyedStateBackend(KeyedStateBackendParameters<K> parameters) {
        super(parameters);
    }

    @Override
    public void setCurrentKey(K key) {
        super.setCurrentKey(key);
        currentKeyHash = key.hashCode();
        currentKeyStamp++;
    }

    int getCurrentKeyHash() {
        return currentKeyHash;
    }

    long getCurrentKeyStamp() {
        return currentKeyStamp;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected State createState(StateDescriptor<?, ?> descriptor) throws IOException {
        String name = descriptor.getName();
        switch (descriptor.getType()) {
            case VALUE: {
                ValueStateDescriptor<Object> d = (ValueStateDescriptor<Object>) descriptor;
                TypeSerializer<Object> serializer = d.createSerializer();
                StateTable<K, Object> table = register(name, descriptor.getType(), copierOf(serializer),
                        new HeapStateCodec.SingleValue<>(keySerializer, serializer));
                return new HeapValueState<>(this, table, serializer, d.getDefaultValue());
            }
            case LIST: {
                TypeSerializer<Object> elements = ((ListStateDescriptor<Object>) descriptor).createElementSerializer();
                boolean mutable = !elements.isImmutableType();
                UnaryOperator<ArrayList<Object>> copier = list -> {
                    ArrayList<Object> copy = new ArrayList<>(list);
                    if (mutable) {
                        copy.replaceAll(elements::copy);
                    }
                    return copy;
                };
                StateTable<K, ArrayList<Object>> table = register(name, descriptor.getType(), copier,
                        new HeapStateCodec.ListValue<>(keySerializer, elements));
                return new HeapListState<>(this, table, mutable);
            }
            case REDUCING: {
                ReducingStateDescriptor<Object> d = (ReducingStateDescriptor<Object>) descriptor;
                TypeSerializer<Object> serializer = d.createSerializer();
                StateTable<K, Object> table = register(name, descriptor.getType(), copierOf(serializer),
                        new HeapStateCodec.SingleValue<>(keySerializer, serializer));
                return new HeapReducingState<>(this, table, d.getReduceFunction(), !serializer.isImmutableType());
            }
            case AGGREGATING: {
                AggregatingStateDescriptor<Object, Object, Object> d = (AggregatingStateDescriptor) descriptor;
                TypeSerializer<Object> serializer = d.createAccumulatorSerializer();
                StateTable<K, Object> table = register(name, descriptor.getType(), copierOf(serializer),
                        new HeapStateCodec.SingleValue<>(keySerializer, serializer));
                return new HeapAggregatingState<>(this, table, d.getAggregateFunction(), !serializer.isImmutableType());
            }
            case MAP: {
                MapStateDescriptor<Object, Object> d = (MapStateDescriptor<Object, Object>) descriptor;
                TypeSerializer<Object> userValues = d.createValueSerializer();
                boolean mutable = !userValues.isImmutableType();
                UnaryOperator<HashMap<Object, Object>> copier = map -> {
                    HashMap<Object, Object> copy = new HashMap<>(map);
                    if (mutable) {
                        copy.replaceAll((k, v) -> v == null ? null : userValues.copy(v));
                    }
                    return copy;
                };
                StateTable<K, HashMap<Object, Object>> table = register(name, descriptor.getType(), copier,
                        new HeapStateCodec.MapValue<>(keySerializer, d.createKeySerializer(), userValues));
                return new HeapMapState<>(this, table, mutable);
            }
            default:
                throw new IllegalArgumentException("unknown state type " + descriptor.getType());
        }
    }

    private static <V> UnaryOperator<V> copierOf(TypeSerializer<V> serializer) {
        return serializer.isImmutableType() ? null : serializer::copy;
    }

    /** Creates the table of a new state and moves its restored entries, if any, into it. */
    private <S> StateTable<K, S> register(String name, StateDescriptor.Type type, UnaryOperator<S> copier,
            HeapStateCodec<K, S> codec) throws IOException {
        StateTable<K, S> table = new StateTable<>(name, type, copier, versions);
        Registered<K, S> state = new Registered<>(table, codec);
        RawState raw = unregistered.remove(name);
        if (raw != null) {
            checkType(name, raw.type, type);
            for (int i = 0; i < raw.entries.length; i++) {
                for (byte[][] entry : raw.entries[i]) {
                    state.restore(entry[0], entry[1]);
                }
            }
        }
        registered.put(name, state);
        return table;
    }

    @Override
    public RunnableFuture<KeyedStateHandle> snapshot(long checkpointId, CheckpointStreamFactory streamFactory) {
        int version = versions.start(); // before the copies: any change after them must see the snapshot running
        List<StateMetaInfo> states = new ArrayList<>();
        List<StateTableSnapshot<K, Object>> frozen = new ArrayList<>();
        List<HeapStateCodec<K, Object>> codecs = new ArrayList<>();
        for (Registered<K, ?> state : registered.values()) {
            states.add(new StateMetaInfo(state.table.name, state.table.type));
            frozen.add(state.snapshot());
            codecs.add(state.duplicateCodec());
        }
        List<List<byte[][]>[]> raws = new ArrayList<>();
        for (Map.Entry<String, RawState> raw : unregistered.entrySet()) {
            states.add(new StateMetaInfo(raw.getKey(), raw.getValue().type));
            raws.add(raw.getValue().entries);
        }
        return new AsyncSnapshotTask(() -> writeSnapshot(streamFactory, states, frozen, codecs, raws),
                () -> versions.release(version));
    }

    /** The asynchronous part: runs on a snapshot thread, reading only the table snapshots and its own codecs. */
    private KeyGroupsStateHandle writeSnapshot(CheckpointStreamFactory streamFactory, List<StateMetaInfo> states,
            List<StateTableSnapshot<K, Object>> frozen, List<HeapStateCodec<K, Object>> codecs,
            List<List<byte[][]>[]> raws) throws IOException {
        for (StateTableSnapshot<K, Object> table : frozen) {
            table.groupByKeyGroup(keyGroupRange, numberOfKeyGroups);
        }
        try (CheckpointOutputStream stream = streamFactory.createCheckpointOutputStream()) {
            KeyedSnapshotWriter writer = new KeyedSnapshotWriter(stream, keyGroupRange, numberOfKeyGroups, states);
            for (int keyGroup = keyGroupRange.getStartKeyGroup(); keyGroup <= keyGroupRange.getEndKeyGroup(); keyGroup++) {
                writer.startKeyGroup(keyGroup);
                int index = keyGroup - keyGroupRange.getStartKeyGroup();
                for (int s = 0; s < frozen.size(); s++) {
                    frozen.get(s).writeKeyGroup(keyGroup, s, codecs.get(s), writer);
                }
                for (int r = 0; r < raws.size(); r++) {
                    for (byte[][] entry : raws.get(r)[index]) {
                        writer.writeEntry(frozen.size() + r, entry[0], 0, entry[0].length, entry[1], 0, entry[1].length);
                    }
                }
            }
            return writer.finish();
        }
    }

    @Override
    public void restore(Collection<KeyedStateHandle> handles) throws Exception {
        for (KeyedStateHandle handle : handles) {
            if (!(handle instanceof KeyGroupsStateHandle keyGroupsHandle)) {
                throw new IllegalArgumentException("cannot restore keyed state from " + handle);
            }
            KeyedSnapshotReader.read(keyGroupsHandle, keyGroupRange, numberOfKeyGroups, this::expectState,
                    (state, keyGroup, key, value) -> {
                        Registered<K, ?> target = registered.get(state.name());
                        if (target != null) {
                            target.restore(key, value);
                        } else {
                            unregistered.get(state.name()).entries[keyGroup - keyGroupRange.getStartKeyGroup()]
                                    .add(new byte[][] {key, value});
                        }
                    });
        }
    }

    private void expectState(StateMetaInfo state) {
        Registered<K, ?> existing = registered.get(state.name());
        if (existing != null) {
            checkType(state.name(), existing.table.type, state.type());
        } else {
            RawState raw = unregistered.computeIfAbsent(
                    state.name(), n -> new RawState(state.type(), keyGroupRange.getNumberOfKeyGroups()));
            checkType(state.name(), raw.type, state.type());
        }
    }

    /** Number of keys with a value in the state {@code name} (for tests and metrics). */
    public int numberOfKeys(String name) {
        Registered<K, ?> state = registered.get(name);
        return state == null ? 0 : state.table.size();
    }

    @Override
    public void close() {
        registered.clear();
        unregistered.clear();
    }

    /** A state's table with its codec. */
    private static final class Registered<K, S> {
        final StateTable<K, S> table;
        final HeapStateCodec<K, S> codec;

        Registered(StateTable<K, S> table, HeapStateCodec<K, S> codec) {
            this.table = table;
            this.codec = codec;
        }

        void restore(byte[] key, byte[] value) throws IOException {
            codec.restore(table, key, value);
        }

        @SuppressWarnings("unchecked")
        StateTableSnapshot<K, Object> snapshot() {
            return (StateTableSnapshot<K, Object>) table.snapshot();
        }

        @SuppressWarnings("unchecked")
        HeapStateCodec<K, Object> duplicateCodec() {
            return (HeapStateCodec<K, Object>) codec.duplicate();
        }
    }

    /** A restored state kept as bytes: per key group (index from the range start), its entries as {key, value}. */
    private static final class RawState {
        final StateDescriptor.Type type;
        final List<byte[][]>[] entries;

        @SuppressWarnings("unchecked")
        RawState(StateDescriptor.Type type, int numberOfKeyGroups) {
            this.type = type;
            this.entries = new List[numberOfKeyGroups];
            for (int i = 0; i < numberOfKeyGroups; i++) {
                entries[i] = new ArrayList<>();
            }
        }
    }
}
