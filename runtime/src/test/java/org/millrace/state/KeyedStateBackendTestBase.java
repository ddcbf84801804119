package org.millrace.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.functions.AggregateFunction;
import org.millrace.api.state.AggregatingState;
import org.millrace.api.state.AggregatingStateDescriptor;
import org.millrace.api.state.ListState;
import org.millrace.api.state.ListStateDescriptor;
import org.millrace.api.state.MapState;
import org.millrace.api.state.MapStateDescriptor;
import org.millrace.api.state.ReducingState;
import org.millrace.api.state.ReducingStateDescriptor;
import org.millrace.api.state.ValueState;
import org.millrace.api.state.ValueStateDescriptor;
import org.millrace.api.tuple.Tuple2;
import org.millrace.api.typeinfo.Types;
import org.millrace.graph.partitioner.KeyGroupRangeAssignment;

/**
 * The behaviour every keyed state backend must have, run against each backend by a subclass:
 * every state type, key isolation, null handling, snapshots taken while processing goes on, and
 * restores into the same and into split key-group ranges. Each expected answer comes from a plain
 * Java map kept next to the state.
 */
abstract class KeyedStateBackendTestBase {

    static final int MAX_PARALLELISM = 128;

    static final ValueStateDescriptor<Long> COUNT = new ValueStateDescriptor<>("count", Long.class);
    static final ListStateDescriptor<String> LIST = new ListStateDescriptor<>("list", Types.STRING);
    static final MapStateDescriptor<String, Integer> MAP = new MapStateDescriptor<>("map", String.class, Integer.class);
    static final ReducingStateDescriptor<Long> SUM = new ReducingStateDescriptor<>("sum", Long::sum, Long.class);
    static final AggregatingStateDescriptor<Long, Tuple2<Long, Long>, Double> AVERAGE = new AggregatingStateDescriptor<>(
            "average", new Average(), Types.TUPLE(Types.LONG, Types.LONG));

    @TempDir
    Path tempDir;

    private final List<KeyedStateBackend<?>> opened = new ArrayList<>();

    /** The backend under test. */
    abstract StateBackend stateBackend(Path localDirectory);

    KeyedStateBackend<String> backend(KeyGroupRange range) throws Exception {
        KeyedStateBackend<String> backend = stateBackend(tempDir.resolve("local")).createKeyedStateBackend(
                new KeyedStateBackendParameters<>("op-" + range, Types.STRING.createSerializer(), MAX_PARALLELISM, range));
        opened.add(backend);
        return backend;
    }

    KeyedStateBackend<String> backend() throws Exception {
        return backend(KeyGroupRange.of(0, MAX_PARALLELISM - 1));
    }

    @AfterEach
    void closeBackends() {
        opened.forEach(KeyedStateBackend::close);
    }

    /** Average of longs; the accumulator (sum, count) is a mutable tuple, changed in place. */
    static final class Average implements AggregateFunction<Long, Tuple2<Long, Long>, Double> {
        @Override
        public Tuple2<Long, Long> createAccumulator() {
            return Tuple2.of(0L, 0L);
        }

        @Override
        public Tuple2<Long, Long> add(Long value, Tuple2<Long, Long> acc) {
            acc.f0 += value;
            acc.f1 += 1;
            return acc;
        }

        @Override
        public Double getResult(Tuple2<Long, Long> acc) {
            return (double) acc.f0 / acc.f1;
        }

        @Override
        public Tuple2<Long, Long> merge(Tuple2<Long, Long> a, Tuple2<Long, Long> b) {
            return Tuple2.of(a.f0 + b.f0, a.f1 + b.f1);
        }
    }

    static <T> List<T> listOf(Iterable<T> iterable) {
        List<T> list = new ArrayList<>();
        iterable.forEach(list::add);
        return list;
    }

    // ------------------------------------------------------------------------
    //  State types
    // ------------------------------------------------------------------------

    @Test
    void value_state_is_null_until_set_and_each_key_sees_only_its_own_value() throws Exception {
        KeyedStateBackend<String> backend = backend();
        ValueState<Long> count = backend.getPartitionedState(COUNT);
        backend.setCurrentKey("a");
        assertThat(count.value()).isNull();
        count.update(1L);
        backend.setCurrentKey("b");
        assertThat(count.value()).isNull();
        count.update(2L);
        backend.setCurrentKey("a");
        assertThat(count.value()).isEqualTo(1L);
        count.update(count.value() + 10);
        backend.setCurrentKey("b");
        assertThat(count.value()).isEqualTo(2L);
        backend.setCurrentKey("a");
        assertThat(count.value()).isEqualTo(11L);
    }

    @Test
    @SuppressWarnings("deprecation")
    void value_state_returns_the_default_when_unset_and_update_null_clears() throws Exception {
        KeyedStateBackend<String> backend = backend();
        ValueState<String> state = backend.getPartitionedState(new ValueStateDescriptor<>("d", Types.STRING, "none"));
        backend.setCurrentKey("k");
        assertThat(state.value()).isEqualTo("none");
        state.update("x");
        assertThat(state.value()).isEqualTo("x");
        state.update(null);
        assertThat(state.value()).isEqualTo("none");
        state.update("y");
        state.clear();
        assertThat(state.value()).isEqualTo("none");
    }

    @Test
    void list_state_adds_updates_and_clears_per_key_and_rejects_nulls() throws Exception {
        KeyedStateBackend<String> backend = backend();
        ListState<String> list = backend.getPartitionedState(LIST);
        backend.setCurrentKey("a");
        assertThat(list.get()).isEmpty();
        list.add("1");
        list.addAll(List.of("2", "3"));
        list.addAll(List.of());
        list.addAll(null);
        backend.setCurrentKey("b");
        list.add("x");
        backend.setCurrentKey("a");
        assertThat(listOf(list.get())).containsExactly("1", "2", "3");
        list.update(List.of("u", "v"));
        assertThat(listOf(list.get())).containsExactly("u", "v");
        list.add("w");
        assertThat(listOf(list.get())).containsExactly("u", "v", "w");
        assertThatThrownBy(() -> list.add(null)).isInstanceOf(NullPointerException.class);
        List<String> withNull = new ArrayList<>();
        withNull.add("ok");
        withNull.add(null);
        assertThatThrownBy(() -> list.addAll(withNull)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> list.update(withNull)).isInstanceOf(NullPointerException.class);
        assertThat(listOf(list.get())).containsExactly("u", "v", "w");
        list.update(List.of());
        assertThat(list.get()).isEmpty();
        list.add("again");
        list.clear();
        assertThat(list.get()).isEmpty();
        backend.setCurrentKey("b");
        assertThat(listOf(list.get())).containsExactly("x");
    }

    @Test
    void map_state_supports_the_map_operations_per_key_including_null_values() throws Exception {
        KeyedStateBackend<String> backend = backend();
        MapState<String, Integer> map = backend.getPartitionedState(MAP);
        backend.setCurrentKey("a");
        assertThat(map.isEmpty()).isTrue();
        assertThat(map.get("x")).isNull();
        map.put("x", 1);
        map.put("nothing", null);
        map.putAll(Map.of("y", 2, "z", 3));
        backend.setCurrentKey("b");
        assertThat(map.isEmpty()).isTrue();
        map.put("x", 100);
        backend.setCurrentKey("a");
        assertThat(map.isEmpty()).isFalse();
        assertThat(map.get("x")).isEqualTo(1);
        assertThat(map.contains("nothing")).isTrue();
        assertThat(map.get("nothing")).isNull();
        assertThat(map.contains("missing")).isFalse();
        map.remove("y");
        map.remove("missing");
        Map<String, Integer> expected = new HashMap<>();
        expected.put("x", 1);
        expected.put("nothing", null);
        expected.put("z", 3);
        Map<String, Integer> seen = new HashMap<>();
        map.entries().forEach(e -> seen.put(e.getKey(), e.getValue()));
        assertThat(seen).isEqualTo(expected);
        assertThat(listOf(map.keys())).containsExactlyInAnyOrder("x", "nothing", "z");
        assertThat(listOf(map.values())).containsExactlyInAnyOrder(1, null, 3);
        assertThatThrownBy(() -> map.put(null, 1)).isInstanceOf(NullPointerException.class);

        for (Iterator<Map.Entry<String, Integer>> it = map.iterator(); it.hasNext(); ) {
            Map.Entry<String, Integer> entry = it.next();
            if (entry.getKey().equals("x")) {
                it.remove();
            } else if (entry.getKey().equals("z")) {
                entry.setValue(33);
            }
        }
        assertThat(map.contains("x")).isFalse();
        assertThat(map.get("z")).isEqualTo(33);
        map.clear();
        assertThat(map.isEmpty()).isTrue();
        assertThat(map.keys()).isEmpty();
        backend.setCurrentKey("b");
        assertThat(map.get("x")).isEqualTo(100);
    }

    @Test
    void map_state_iterates_many_mappings_and_removes_all_through_the_iterator() throws Exception {
        KeyedStateBackend<String> backend = backend();
        MapState<String, Integer> map = backend.getPartitionedState(MAP);
        backend.setCurrentKey("neighbour-before");
        map.put("n", -1);
        backend.setCurrentKey("big");
        Map<String, Integer> expected = new TreeMap<>();
        for (int i = 0; i < 1000; i++) {
            map.put("u" + i, i);
            expected.put("u" + i, i);
        }
        backend.setCurrentKey("neighbour-after");
        map.put("n", -2);
        backend.setCurrentKey("big");
        Map<String, Integer> seen = new TreeMap<>();
        for (Map.Entry<String, Integer> e : map.entries()) {
            assertThat(seen.put(e.getKey(), e.getValue())).isNull();
        }
        assertThat(seen).isEqualTo(expected);
        for (Iterator<String> it = map.keys().iterator(); it.hasNext(); ) {
            it.next();
            it.remove();
        }
        assertThat(map.isEmpty()).isTrue();
        backend.setCurrentKey("neighbour-before");
        assertThat(map.get("n")).isEqualTo(-1);
        backend.setCurrentKey("neighbour-after");
        assertThat(map.get("n")).isEqualTo(-2);
    }

    @Test
    void reducing_state_folds_added_values_per_key() throws Exception {
        KeyedStateBackend<String> backend = backend();
        ReducingState<Long> sum = backend.getPartitionedState(SUM);
        backend.setCurrentKey("a");
        assertThat(sum.get()).isNull();
        sum.add(1L);
        sum.add(2L);
        backend.setCurrentKey("b");
        sum.add(10L);
        backend.setCurrentKey("a");
        sum.add(3L);
        assertThat(sum.get()).isEqualTo(6L);
        assertThatThrownBy(() -> sum.add(null)).isInstanceOf(NullPointerException.class);
        sum.clear();
        assertThat(sum.get()).isNull();
        backend.setCurrentKey("b");
        assertThat(sum.get()).isEqualTo(10L);
    }

    @Test
    void aggregating_state_keeps_an_accumulator_per_key_and_returns_its_result() throws Exception {
        KeyedStateBackend<String> backend = backend();
        AggregatingState<Long, Double> average = backend.getPartitionedState(AVERAGE);
        backend.setCurrentKey("a");
        assertThat(average.get()).isNull();
        average.add(1L);
        average.add(2L);
        backend.setCurrentKey("b");
        average.add(10L);
        backend.setCurrentKey("a");
        average.add(6L);
        assertThat(average.get()).isEqualTo(3.0);
        average.clear();
        assertThat(average.get()).isNull();
        backend.setCurrentKey("b");
        assertThat(average.get()).isEqualTo(10.0);
    }

    @Test
    void a_state_name_keeps_its_kind_and_the_same_descriptor_gives_the_same_state() throws Exception {
        KeyedStateBackend<String> backend = backend();
        ValueState<Long> count = backend.getPartitionedState(COUNT);
        assertThat(backend.getPartitionedState(new ValueStateDescriptor<>("count", Long.class))).isSameAs(count);
        assertThatThrownBy(() -> backend.getPartitionedState(new ListStateDescriptor<>("count", Long.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("count");
    }

    @Test
    void a_state_may_be_called_default() throws Exception {
        KeyedStateBackend<String> backend = backend();
        ValueState<String> state = backend.getPartitionedState(new ValueStateDescriptor<>("default", Types.STRING));
        backend.setCurrentKey("k");
        state.update("v");
        assertThat(state.value()).isEqualTo("v");
    }

    @Test
    void a_key_outside_the_backends_key_groups_is_refused() throws Exception {
        KeyedStateBackend<String> backend = backend(KeyGroupRange.of(0, 63));
        String foreign = keyIn(KeyGroupRange.of(64, 127), 0);
        assertThatThrownBy(() -> backend.setCurrentKey(foreign)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void large_values_and_long_lists_round_trip_through_a_snapshot() throws Exception {
        KeyedStateBackend<String> backend = backend();
        ValueState<String> big = backend.getPartitionedState(new ValueStateDescriptor<>("big", Types.STRING));
        ListState<String> list = backend.getPartitionedState(LIST);
        String large = "x".repeat(3_000_000) + "\u20ac";
        backend.setCurrentKey("k");
        big.update(large);
        for (int i = 0; i < 20_000; i++) {
            list.add("element-" + i);
        }
        assertThat(big.value()).isEqualTo(large);

        KeyedStateBackend<String> restored = backend();
        restored.restore(List.of(takeSnapshot(backend)));
        ValueState<String> restoredBig = restored.getPartitionedState(new ValueStateDescriptor<>("big", Types.STRING));
        ListState<String> restoredList = restored.getPartitionedState(LIST);
        restored.setCurrentKey("k");
        assertThat(restoredBig.value()).isEqualTo(large);
        List<String> elements = listOf(restoredList.get());
        assertThat(elements).hasSize(20_000);
        assertThat(elements.get(19_999)).isEqualTo("element-19999");
    }

    // ------------------------------------------------------------------------
    //  Snapshots and restores
    // ------------------------------------------------------------------------

    /** Fills all five states for {@code keys} keys; returns the expected contents per key. */
    static Map<String, Expected> fill(KeyedStateBackend<String> backend, int keys, String tag) throws Exception {
        ValueState<Long> count = backend.getPartitionedState(COUNT);
        ListState<String> list = backend.getPartitionedState(LIST);
        MapState<String, Integer> map = backend.getPartitionedState(MAP);
        ReducingState<Long> sum = backend.getPartitionedState(SUM);
        AggregatingState<Long, Double> average = backend.getPartitionedState(AVERAGE);
        Map<String, Expected> expected = new HashMap<>();
        for (int i = 0; i < keys; i++) {
            String key = "key-" + i;
            backend.setCurrentKey(key);
            count.update((long) i);
            list.add(tag + i);
            list.add(tag + (i + 1));
            map.put("m" + i, i);
            map.put("n" + i, null);
            sum.add((long) i);
            sum.add(1L);
            average.add((long) i);
            average.add((long) i + 2);
            Map<String, Integer> mapping = new HashMap<>();
            mapping.put("m" + i, i);
            mapping.put("n" + i, null);
            expected.put(key, new Expected((long) i, List.of(tag + i, tag + (i + 1)), mapping, i + 1L, i + 1.0));
        }
        return expected;
    }

    record Expected(Long count, List<String> list, Map<String, Integer> map, Long sum, Double average) {}

    /** Reads all five states of {@code key}. */
    static Expected read(KeyedStateBackend<String> backend, String key) throws Exception {
        backend.setCurrentKey(key);
        ValueState<Long> count = backend.getPartitionedState(COUNT);
        MapState<String, Integer> map = backend.getPartitionedState(MAP);
        Map<String, Integer> mapping = new HashMap<>();
        map.entries().forEach(e -> mapping.put(e.getKey(), e.getValue()));
        List<String> list = listOf(backend.getPartitionedState(LIST).get());
        if (count.value() == null && list.isEmpty() && mapping.isEmpty()) {
            return null;
        }
        return new Expected(count.value(), list, mapping, backend.getPartitionedState(SUM).get(),
                backend.getPartitionedState(AVERAGE).get());
    }

    static KeyedStateHandle runSnapshot(KeyedStateBackend<String> backend) throws Exception {
        RunnableFuture<KeyedStateHandle> snapshot = backend.snapshot(1L, new MemoryCheckpointStreamFactory(64 << 20));
        snapshot.run();
        return snapshot.get();
    }

    /** Where this suite's snapshots go; a subclass may give a factory with shared state (incremental snapshots). */
    CheckpointStreamFactory streamFactory() {
        return new MemoryCheckpointStreamFactory(64 << 20);
    }

    /** Where the suite's snapshots to files go. */
    CheckpointStreamFactory fileStreamFactory() {
        return new FileCheckpointStreamFactory(tempDir.resolve("chk"));
    }

    /** A snapshot of {@code backend} to {@link #streamFactory()}, run to its end. */
    KeyedStateHandle takeSnapshot(KeyedStateBackend<String> backend) throws Exception {
        RunnableFuture<KeyedStateHandle> snapshot = backend.snapshot(1L, streamFactory());
        snapshot.run();
        return snapshot.get();
    }

    /** The n-th key (in "key-i" order) whose key group falls into {@code range}. */
    static String keyIn(KeyGroupRange range, int n) {
        for (int i = 0; ; i++) {
            String key = "key-" + i;
            if (range.contains(KeyGroupRangeAssignment.assignToKeyGroup(key, MAX_PARALLELISM)) && n-- == 0) {
                return key;
            }
        }
    }

    @Test
    void a_snapshot_holds_the_state_as_of_the_snapshot_call_while_processing_goes_on() throws Exception {
        KeyedStateBackend<String> backend = backend();
        Map<String, Expected> atSnapshot = fill(backend, 2000, "v1-");
        RunnableFuture<KeyedStateHandle> snapshot = backend.snapshot(7L, fileStreamFactory());

        // change every key before the asynchronous part starts, and keep changing while it runs
        Map<String, Expected> after = fill(backend, 2500, "v2-");
        ExecutorService snapshotThread = Executors.newSingleThreadExecutor();
        try {
            Future<?> running = snapshotThread.submit(snapshot);
            int round = 0;
            while (!running.isDone()) {
                after = fill(backend, 500, "v" + (3 + round++) + "-");
            }
            running.get(60, TimeUnit.SECONDS);
        } finally {
            snapshotThread.shutdownNow();
        }
        KeyedStateHandle handle = snapshot.get();
        assertThat(handle.getKeyGroupRange()).isEqualTo(KeyGroupRange.of(0, MAX_PARALLELISM - 1));

        KeyedStateBackend<String> restored = backend();
        restored.restore(List.of(handle));
        for (int i = 0; i < 2500; i++) {
            String key = "key-" + i;
            assertThat(read(restored, key)).as(key).isEqualTo(atSnapshot.get(key));
        }
        // the live backend kept its later changes
        assertThat(read(backend, "key-0").list()).isNotEqualTo(atSnapshot.get("key-0").list());
        assertThat(after).isNotEmpty();
    }

    /** RocksDB overwrites a same-size value in its memtable in place: the snapshot must not see that. */
    @Test
    void same_size_overwrites_and_new_keys_after_the_snapshot_call_stay_out_of_the_snapshot() throws Exception {
        KeyedStateBackend<String> backend = backend();
        ValueState<Long> count = backend.getPartitionedState(COUNT);
        for (int i = 0; i < 1000; i++) {
            backend.setCurrentKey("key-" + i);
            count.update(1L);
        }
        RunnableFuture<KeyedStateHandle> snapshot = backend.snapshot(3L, streamFactory());
        for (long round = 2; round <= 5; round++) {
            for (int i = 0; i < 1000; i++) {
                backend.setCurrentKey("key-" + i);
                count.update(round);
            }
        }
        for (int i = 1000; i < 1100; i++) {
            backend.setCurrentKey("key-" + i);
            count.update(9L);
        }
        snapshot.run();

        KeyedStateBackend<String> restored = backend();
        restored.restore(List.of(snapshot.get()));
        ValueState<Long> restoredCount = restored.getPartitionedState(COUNT);
        for (int i = 0; i < 1100; i++) {
            restored.setCurrentKey("key-" + i);
            assertThat(restoredCount.value()).as("key-" + i).isEqualTo(i < 1000 ? 1L : null);
        }
        backend.setCurrentKey("key-0");
        assertThat(count.value()).isEqualTo(5L);
    }

    @Test
    void overlapping_snapshots_each_hold_the_state_of_their_own_call() throws Exception {
        KeyedStateBackend<String> backend = backend();
        Map<String, Expected> first = fill(backend, 300, "one-");
        RunnableFuture<KeyedStateHandle> snapshot1 = backend.snapshot(1L, streamFactory());
        Map<String, Expected> second = fill(backend, 300, "two-");
        RunnableFuture<KeyedStateHandle> snapshot2 = backend.snapshot(2L, streamFactory());
        fill(backend, 300, "three-");
        snapshot2.run();
        fill(backend, 300, "four-");
        snapshot1.run();

        KeyedStateBackend<String> restored1 = backend();
        restored1.restore(List.of(snapshot1.get()));
        KeyedStateBackend<String> restored2 = backend();
        restored2.restore(List.of(snapshot2.get()));
        for (int i = 0; i < 300; i++) {
            String key = "key-" + i;
            assertThat(read(restored1, key)).as(key).isEqualTo(first.get(key));
        }
        // the second fill appended to the lists, maps and aggregates of the first
        Expected key7 = read(restored2, "key-7");
        assertThat(key7.list()).containsExactly("one-7", "one-8", "two-7", "two-8");
        assertThat(key7.sum()).isEqualTo(2 * second.get("key-7").sum());
        assertThat(key7.average()).isEqualTo(8.0);
    }

    @Test
    void restoring_into_two_backends_gives_each_exactly_the_keys_of_its_key_groups() throws Exception {
        KeyedStateBackend<String> whole = backend();
        Map<String, Expected> expected = fill(whole, 1000, "r-");
        KeyedStateHandle handle = takeSnapshot(whole);

        KeyGroupRange first = KeyGroupRange.forSubtask(MAX_PARALLELISM, 2, 0);
        KeyGroupRange second = KeyGroupRange.forSubtask(MAX_PARALLELISM, 2, 1);
        assertThat(first).isEqualTo(KeyGroupRange.of(0, 63));
        assertThat(second).isEqualTo(KeyGroupRange.of(64, 127));
        KeyedStateBackend<String> left = backend(first);
        KeyedStateBackend<String> right = backend(second);
        left.restore(List.of(handle));
        right.restore(List.of(handle));

        for (Map.Entry<String, Expected> e : expected.entrySet()) {
            int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(e.getKey(), MAX_PARALLELISM);
            KeyedStateBackend<String> owner = first.contains(keyGroup) ? left : right;
            assertThat(read(owner, e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
        // exactly: each half's own snapshot, read back whole, holds only its keys
        assertThat(keysIn(takeSnapshot(left))).isEqualTo(keysOwnedBy(expected.keySet(), first));
        assertThat(keysIn(takeSnapshot(right))).isEqualTo(keysOwnedBy(expected.keySet(), second));

        // and scaling back in: both halves into one backend give the original state
        KeyedStateBackend<String> merged = backend();
        merged.restore(List.of(takeSnapshot(left), takeSnapshot(right)));
        for (Map.Entry<String, Expected> e : expected.entrySet()) {
            assertThat(read(merged, e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    /** The keys ("key-0".."key-1999") with state in a snapshot, found by restoring it into a whole-range backend. */
    java.util.Set<String> keysIn(KeyedStateHandle handle) throws Exception {
        KeyedStateBackend<String> probe = backend();
        probe.restore(List.of(handle));
        java.util.Set<String> keys = new java.util.TreeSet<>();
        for (int i = 0; i < 2000; i++) {
            if (read(probe, "key-" + i) != null) {
                keys.add("key-" + i);
            }
        }
        return keys;
    }

    static java.util.Set<String> keysOwnedBy(Collection<String> keys, KeyGroupRange range) {
        java.util.Set<String> owned = new java.util.TreeSet<>();
        for (String key : keys) {
            if (range.contains(KeyGroupRangeAssignment.assignToKeyGroup(key, MAX_PARALLELISM))) {
                owned.add(key);
            }
        }
        return owned;
    }

    @Test
    void a_restored_state_that_is_not_asked_for_survives_into_the_next_snapshot() throws Exception {
        KeyedStateBackend<String> original = backend();
        Map<String, Expected> expected = fill(original, 300, "s-");
        KeyedStateBackend<String> middle = backend();
        middle.restore(List.of(takeSnapshot(original)));
        ValueState<Long> count = middle.getPartitionedState(COUNT); // only one of the five states is touched
        middle.setCurrentKey("key-1");
        count.update(-1L);
        KeyedStateBackend<String> last = backend();
        last.restore(List.of(takeSnapshot(middle)));
        assertThat(read(last, "key-1")).isEqualTo(new Expected(-1L, expected.get("key-1").list(),
                expected.get("key-1").map(), expected.get("key-1").sum(), expected.get("key-1").average()));
        assertThat(read(last, "key-299")).isEqualTo(expected.get("key-299"));
    }

    @Test
    void restoring_a_state_under_another_kind_fails() throws Exception {
        KeyedStateBackend<String> original = backend();
        fill(original, 10, "k-");
        KeyedStateBackend<String> restored = backend();
        restored.restore(List.of(takeSnapshot(original)));
        assertThatThrownBy(() -> restored.getPartitionedState(new ValueStateDescriptor<>("list", Types.STRING)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("list");
    }

    @Test
    void an_empty_backend_snapshots_and_restores_to_empty_state() throws Exception {
        KeyedStateBackend<String> empty = backend();
        KeyedStateBackend<String> restored = backend();
        restored.restore(List.of(takeSnapshot(empty)));
        assertThat(read(restored, "key-1")).isNull();
    }

    @Test
    void a_cancelled_snapshot_that_never_ran_does_not_block_close() throws Exception {
        KeyedStateBackend<String> backend = backend();
        fill(backend, 10, "c-");
        RunnableFuture<KeyedStateHandle> snapshot = backend.snapshot(1L, streamFactory());
        assertThat(snapshot.cancel(false)).isTrue();
        backend.close(); // returns: the cancelled snapshot released its hold
        assertThat(snapshot.isCancelled()).isTrue();
    }
}
