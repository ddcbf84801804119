package org.millrace.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.RunnableFuture;
import org.junit.jupiter.api.Test;
import org.millrace.api.state.AggregatingState;
import org.millrace.api.state.ListState;
import org.millrace.api.state.ValueState;
import org.millrace.api.typeinfo.Types;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.graph.partitioner.KeyGroupRangeAssignment;
import org.millrace.state.heap.HeapKeyedStateBackend;
import org.millrace.types.DataInputDeserializer;

/**
 * {@link KeyedStateBackendTestBase} against the heap backend, plus what its single table per state
 * relies on: entries sorted into their key groups' sections at snapshot time, copy on write per
 * entry (also along shared hash chains and across resizes) under overlapping snapshots, and the
 * current-key entry cache.
 */
class HeapKeyedStateBackendTest extends KeyedStateBackendTestBase {

    @Override
    StateBackend stateBackend(Path localDirectory) {
        return new HashMapStateBackend();
    }

    @Test
    void every_entry_is_written_into_the_section_of_its_key_group() throws Exception {
        KeyGroupRange range = KeyGroupRange.of(20, 83);
        KeyedStateBackend<String> backend = backend(range);
        ValueState<Long> count = backend.getPartitionedState(COUNT);
        ListState<String> list = backend.getPartitionedState(LIST);
        Set<String> counted = new TreeSet<>();
        Set<String> listed = new TreeSet<>();
        for (int i = 0; i < 3000; i++) {
            String key = keyIn(range, i);
            backend.setCurrentKey(key);
            count.update((long) i);
            counted.add(key);
            if (i % 3 == 0) {
                list.add("e" + i);
                listed.add(key);
            }
        }
        KeyedStateHandle handle = runSnapshot(backend);

        TypeSerializer<String> keySerializer = Types.STRING.createSerializer();
        Map<String, Set<String>> written = new HashMap<>();
        List<String> misplaced = new ArrayList<>();
        KeyedSnapshotReader.read((KeyGroupsStateHandle) handle, range, MAX_PARALLELISM, state -> { },
                (state, keyGroup, keyBytes, value) -> {
                    String key = keySerializer.deserialize(new DataInputDeserializer(keyBytes, 0, keyBytes.length));
                    if (KeyGroupRangeAssignment.assignToKeyGroup(key, MAX_PARALLELISM) != keyGroup) {
                        misplaced.add(key + " in section " + keyGroup);
                    }
                    assertThat(written.computeIfAbsent(state.name(), n -> new TreeSet<>()).add(key)).as(key).isTrue();
                });
        assertThat(misplaced).isEmpty();
        assertThat(written.get(COUNT.getName())).isEqualTo(counted);
        assertThat(written.get(LIST.getName())).isEqualTo(listed);
    }

    @Test
    void a_value_read_before_a_snapshot_and_updated_after_it_leaves_the_snapshot_unchanged() throws Exception {
        KeyedStateBackend<String> backend = backend();
        ValueState<Long> count = backend.getPartitionedState(COUNT);
        backend.setCurrentKey("key-1");
        count.update(1L);
        assertThat(count.value()).isEqualTo(1L); // the entry is now cached for this key
        RunnableFuture<KeyedStateHandle> snapshot = backend.snapshot(1L, new MemoryCheckpointStreamFactory(1 << 20));
        count.update(2L); // same key, no setCurrentKey in between
        snapshot.run();

        KeyedStateBackend<String> restored = backend();
        restored.restore(List.of(snapshot.get()));
        restored.setCurrentKey("key-1");
        assertThat(restored.getPartitionedState(COUNT).value()).isEqualTo(1L);
        assertThat(count.value()).isEqualTo(2L);
    }

    @Test
    void an_update_after_a_key_change_goes_to_the_new_key() throws Exception {
        KeyedStateBackend<String> backend = backend();
        ValueState<Long> count = backend.getPartitionedState(COUNT);
        backend.setCurrentKey("a");
        count.update(1L);
        assertThat(count.value()).isEqualTo(1L);
        backend.setCurrentKey("b");
        count.update(5L);
        backend.setCurrentKey("a");
        count.value();
        count.clear();
        assertThat(count.value()).isNull();
        count.update(3L);

        assertThat(count.value()).isEqualTo(3L);
        backend.setCurrentKey("b");
        assertThat(count.value()).isEqualTo(5L);
    }

    /**
     * Random changes (in-place accumulators, appends, updates, clears, new keys that grow the table)
     * on keys that include 64 with one hash code (one long chain), while snapshots are taken and run
     * later, overlapping and out of order; each snapshot must hold exactly the state at its call.
     */
    @Test
    void overlapping_snapshots_hold_their_state_through_random_changes_chains_and_resizes() throws Exception {
        KeyedStateBackend<String> backend = backend();
        ValueState<Long> count = backend.getPartitionedState(COUNT);
        ListState<String> list = backend.getPartitionedState(LIST);
        AggregatingState<Long, Double> average = backend.getPartitionedState(AVERAGE);
        List<String> colliding = collidingKeys(6);
        Model model = new Model();
        List<RunnableFuture<KeyedStateHandle>> pending = new ArrayList<>();
        List<Model> pendingExpected = new ArrayList<>();
        List<KeyedStateHandle> handles = new ArrayList<>();
        List<Model> handlesExpected = new ArrayList<>();
        Random random = new Random(7);
        for (int step = 0; step < 60_000; step++) {
            String key = random.nextInt(4) == 0
                    ? colliding.get(random.nextInt(colliding.size()))
                    : "key-" + random.nextInt(200 + step / 4); // new keys keep arriving: resizes under snapshots
            backend.setCurrentKey(key);
            switch (random.nextInt(8)) {
                case 0, 1 -> {
                    long value = random.nextInt(1000);
                    count.update(value);
                    model.counts.put(key, value);
                }
                case 2 -> {
                    count.clear();
                    model.counts.remove(key);
                }
                case 3, 4 -> {
                    long value = random.nextInt(100);
                    average.add(value); // changes the accumulator in place
                    model.averages.computeIfAbsent(key, k -> new long[2])[0] += value;
                    model.averages.get(key)[1]++;
                }
                case 5 -> {
                    list.add("s" + step);
                    model.lists.computeIfAbsent(key, k -> new ArrayList<>()).add("s" + step);
                }
                case 6 -> {
                    list.clear();
                    model.lists.remove(key);
                }
                default -> assertThat(count.value()).as(key).isEqualTo(model.counts.get(key));
            }
            if (step % 4000 == 3999) {
                pending.add(backend.snapshot(step, new MemoryCheckpointStreamFactory(64 << 20)));
                pendingExpected.add(model.copy());
            }
            if (pending.size() > 2 && random.nextInt(3000) == 0) {
                int which = random.nextInt(pending.size());
                RunnableFuture<KeyedStateHandle> snapshot = pending.remove(which);
                snapshot.run();
                handles.add(snapshot.get());
                handlesExpected.add(pendingExpected.remove(which));
            }
        }
        for (int i = 0; i < pending.size(); i++) {
            pending.get(i).run();
            handles.add(pending.get(i).get());
            handlesExpected.add(pendingExpected.get(i));
        }
        handles.add(runSnapshot(backend));
        handlesExpected.add(model);

        assertThat(handles).hasSize(16);
        for (int i = 0; i < handles.size(); i++) {
            KeyedStateBackend<String> restored = backend();
            restored.restore(List.of(handles.get(i)));
            Model expected = handlesExpected.get(i);
            for (String key : expected.keys()) {
                restored.setCurrentKey(key);
                assertThat(restored.getPartitionedState(COUNT).value()).as(key).isEqualTo(expected.counts.get(key));
                assertThat(listOf(restored.getPartitionedState(LIST).get())).as(key)
                        .isEqualTo(expected.lists.getOrDefault(key, List.of()));
                long[] sumAndCount = expected.averages.get(key);
                assertThat(restored.getPartitionedState(AVERAGE).get()).as(key)
                        .isEqualTo(sumAndCount == null ? null : (double) sumAndCount[0] / sumAndCount[1]);
            }
            HeapKeyedStateBackend<String> heap = (HeapKeyedStateBackend<String>) restored;
            assertThat(heap.numberOfKeys(COUNT.getName())).isEqualTo(expected.counts.size());
            assertThat(heap.numberOfKeys(LIST.getName())).isEqualTo(expected.lists.size());
            assertThat(heap.numberOfKeys(AVERAGE.getName())).isEqualTo(expected.averages.size());
        }
    }

    /** 2^blocks distinct strings with the same hashCode ("Aa" and "BB" hash alike). */
    static List<String> collidingKeys(int blocks) {
        List<String> keys = new ArrayList<>();
        for (int bits = 0; bits < 1 << blocks; bits++) {
            StringBuilder key = new StringBuilder();
            for (int b = 0; b < blocks; b++) {
                key.append((bits >> b & 1) == 0 ? "Aa" : "BB");
            }
            keys.add(key.toString());
        }
        assertThat(keys.stream().mapToInt(String::hashCode).distinct().count()).isEqualTo(1);
        return keys;
    }

    /** The expected content of the three states. */
    static final class Model {
        final Map<String, Long> counts = new HashMap<>();
        final Map<String, long[]> averages = new HashMap<>();
        final Map<String, List<String>> lists = new HashMap<>();

        Model copy() {
            Model copy = new Model();
            copy.counts.putAll(counts);
            averages.forEach((k, v) -> copy.averages.put(k, v.clone()));
            lists.forEach((k, v) -> copy.lists.put(k, new ArrayList<>(v)));
            return copy;
        }

        Set<String> keys() {
            Set<String> keys = new HashSet<>(counts.keySet());
            keys.addAll(averages.keySet());
            keys.addAll(lists.keySet());
            return keys;
        }
    }
}
