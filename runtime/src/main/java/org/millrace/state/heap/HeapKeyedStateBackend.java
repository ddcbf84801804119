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
 * Keyed state as objects on the heap ({@code state.backend.type: hashmap}): per state a
 * {@link StateTable} (key group -> key -> value). Values are kept as objects and serialized only
 * by snapshots, with the state's serializers.
 *
 * <p>Snapshots: the synchronous part freezes every table (copy on write per key group, see
 * {@link StateTable}) and duplicates the serializers; the asynchronous part serializes the frozen
 * maps in the {@link org.millrace.state.KeyedSnapshotFormat}. Restored states that no descriptor
 * has asked for yet are kept as bytes and written unchanged into later snapshots.
 *
 * <p>Thread safety: the task's thread, except the snapshot future (see {@link org.millrace.state.KeyedStateBackend}).
 */
public final class HeapKeyedStateBackend<K> extends AbstractKeyedStateBackend<K> {

    /** States asked for, in the order they were; task thread only. */
    private final LinkedHashMap<String, Registered<K, ?>> registered = new LinkedHashMap<>();
    /** Snapshots taken and not finished: incremented by the task thread, decremented by snapshot threads. */
    private final java.util.concurrent.atomic.AtomicInteger runningSnapshots = new java.util.concurrent.atomic.AtomicInteger();
    /** Restored states not asked for yet; task thread only. Their entry lists never change after the restore. */
    private final LinkedHashMap<String, RawState> unregistered = new LinkedHashMap<>();

    public HeapKeyedStateBackend(KeyedStateBackendParameters<K> parameters) {
        super(parameters);
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
        StateTable<K, S> table = new StateTable<>(name, type, keyGroupRange.getStartKeyGroup(),
                keyGroupRange.getNumberOfKeyGroups(), copier, runningSnapshots);
        Registered<K, S> state = new Registered<>(table, codec);
        RawState raw = unregistered.remove(name);
        if (raw != null) {
            checkType(name, raw.type, type);
            for (int i = 0; i < raw.entries.length; i++) {
                for (byte[][] entry : raw.entries[i]) {
                    state.restore(keyGroupRange.getStartKeyGroup() + i, entry[0], entry[1]);
                }
            }
        }
        registered.put(name, state);
        return table;
    }

    @Override
    public RunnableFuture<KeyedStateHandle> snapshot(long checkpointId, CheckpointStreamFactory streamFactory) {
        runningSnapshots.incrementAndGet(); // before freezing: a write after the freeze must see the snapshot running
        List<StateMetaInfo> states = new ArrayList<>();
        List<Map<K, Object>[]> frozen = new ArrayList<>();
        List<HeapStateCodec<K, Object>> codecs = new ArrayList<>();
        for (Registered<K, ?> state : registered.values()) {
            states.add(new StateMetaInfo(state.table.name, state.table.type));
            frozen.add(state.freeze());
            codecs.add(state.duplicateCodec());
        }
        List<List<byte[][]>[]> raws = new ArrayList<>();
        for (Map.Entry<String, RawState> raw : unregistered.entrySet()) {
            states.add(new StateMetaInfo(raw.getKey(), raw.getValue().type));
            raws.add(raw.getValue().entries);
        }
        return new AsyncSnapshotTask(() -> writeSnapshot(streamFactory, states, frozen, codecs, raws),
                runningSnapshots::decrementAndGet);
    }

    /** The asynchronous part: runs on a snapshot thread, reading only frozen maps and its own codecs. */
    private KeyGroupsStateHandle writeSnapshot(CheckpointStreamFactory streamFactory, List<StateMetaInfo> states,
            List<Map<K, Object>[]> frozen, List<HeapStateCodec<K, Object>> codecs, List<List<byte[][]>[]> raws)
            throws IOException {
        try (CheckpointOutputStream stream = streamFactory.createCheckpointOutputStream()) {
            KeyedSnapshotWriter writer = new KeyedSnapshotWriter(stream, keyGroupRange, numberOfKeyGroups, states);
            for (int keyGroup = keyGroupRange.getStartKeyGroup(); keyGroup <= keyGroupRange.getEndKeyGroup(); keyGroup++) {
                writer.startKeyGroup(keyGroup);
                int index = keyGroup - keyGroupRange.getStartKeyGroup();
                for (int s = 0; s < frozen.size(); s++) {
                    HeapStateCodec<K, Object> codec = codecs.get(s);
                    for (Map.Entry<K, Object> entry : frozen.get(s)[index].entrySet()) {
                        codec.write(s, entry.getKey(), entry.getValue(), writer);
                    }
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
                            target.restore(keyGroup, key, value);
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

        void restore(int keyGroup, byte[] key, byte[] value) throws IOException {
            codec.restore(table, keyGroup, key, value);
        }

        @SuppressWarnings("unchecked")
        Map<K, Object>[] freeze() {
            return (Map<K, Object>[]) (Map<K, ?>[]) table.freeze();
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
