package org.millrace.task.operators.windowing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.millrace.api.functions.AggregateFunction;
import org.millrace.api.functions.ReduceFunction;
import org.millrace.api.state.AggregatingState;
import org.millrace.api.state.AggregatingStateDescriptor;
import org.millrace.api.state.KeyedStateStore;
import org.millrace.api.state.ListState;
import org.millrace.api.state.ListStateDescriptor;
import org.millrace.api.state.MapState;
import org.millrace.api.state.MapStateDescriptor;
import org.millrace.api.state.ReducingState;
import org.millrace.api.state.ReducingStateDescriptor;
import org.millrace.api.state.State;
import org.millrace.api.state.ValueState;
import org.millrace.api.state.ValueStateDescriptor;
import org.millrace.api.typeinfo.ListTypeInfo;
import org.millrace.api.typeinfo.MapTypeInfo;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.windowing.Window;

/**
 * Per-window state of a ProcessWindowFunction ({@code Context.windowState()}): each state is scoped
 * to the current key and the current window.
 *
 * <h3>How it is stored</h3>
 * The keyed state backends have no namespaces, so each per-window state named {@code n} is a
 * {@link MapState} {@code "window-state/n"} of the current key, from window to the value (a list
 * for list state, a map for map state, the accumulator for aggregating state). The record's key
 * stays the backend's key, so the state lives in the key's key group and is checkpointed,
 * restored and redistributed with it; the window is only a map key inside it. Reading a list or map
 * state reads the window's whole value: per-window state is used when a window fires, not per record.
 *
 * <p>The operator points the store at a window with {@link #setWindow} before calling the function,
 * and {@link #clearWindow} drops everything the function kept for a window when the window is purged.
 * Task thread only.
 */
final class WindowStateStore<W extends Window> implements KeyedStateStore {

    private static final String PREFIX = "window-state/";

    private final KeyedStateStore backendStore;
    private final TypeInformation<W> windowType;
    /** The per-window maps created so far, by user state name; cleared per window on purge. */
    private final Map<String, MapState<W, ?>> states = new LinkedHashMap<>();
    /** The user-facing state objects by name, so asking twice returns the same object. */
    private final Map<String, State> views = new HashMap<>();
    private W window;

    WindowStateStore(KeyedStateStore backendStore, TypeInformation<W> windowType) {
        this.backendStore = backendStore;
        this.windowType = windowType;
    }

    void setWindow(W window) {
        this.window = window;
    }

    /** Removes the current key's per-window state of {@code window}, in every state the function created. */
    void clearWindow(W window) throws Exception {
        for (MapState<W, ?> s : states.values()) {
            s.remove(window);
        }
    }

    private <V> MapState<W, V> perWindow(String name, TypeInformation<V> valueType) {
        @SuppressWarnings("unchecked")
        MapState<W, V> state = (MapState<W, V>) states.get(name);
        if (state == null) {
            state = backendStore.getMapState(new MapStateDescriptor<>(PREFIX + name, windowType, valueType));
            states.put(name, state);
        }
        return state;
    }

    @SuppressWarnings("unchecked")
    private <S extends State> S view(String name, java.util.function.Supplier<S> create) {
        return (S) views.computeIfAbsent(name, n -> create.get());
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> d) {
        return view(d.getName(), () -> new WindowValueState<>(perWindow(d.getName(), d.getTypeInformation()), d.getDefaultValue()));
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> d) {
        return view(d.getName(), () -> new WindowListState<>(perWindow(d.getName(), new ListTypeInfo<>(d.getElementTypeInformation()))));
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> d) {
        return view(d.getName(), () -> new WindowReducingState<>(perWindow(d.getName(), d.getTypeInformation()), d.getReduceFunction()));
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> d) {
        return view(d.getName(), () -> new WindowAggregatingState<>(
                perWindow(d.getName(), d.getAccumulatorTypeInformation()), d.getAggregateFunction()));
    }

    @Override
    public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> d) {
        return view(d.getName(), () -> new WindowMapState<>(
                perWindow(d.getName(), new MapTypeInfo<>(d.getKeyTypeInformation(), d.getValueTypeInformation()))));
    }

    // ------------------------------------------------------------------ the states, bound to the current window

    /** Base of the views: one value per window in the backing map. */
    private abstract class WindowScoped<V> implements State {
        final MapState<W, V> byWindow;

        WindowScoped(MapState<W, V> byWindow) {
            this.byWindow = byWindow;
        }

        final V read() {
            try {
                return byWindow.get(window);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("Could not read per-window state", e);
            }
        }

        final void write(V value) {
            try {
                if (value == null) {
                    byWindow.remove(window);
                } else {
                    byWindow.put(window, value);
                }
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("Could not write per-window state", e);
            }
        }

        @Override
        public final void clear() {
            write(null);
        }
    }

    private final class WindowValueState<T> extends WindowScoped<T> implements ValueState<T> {
        private final T defaultValue;

        WindowValueState(MapState<W, T> byWindow, T defaultValue) {
            super(byWindow);
            this.defaultValue = defaultValue;
        }

        @Override
        public T value() {
            T v = read();
            return v == null ? defaultValue : v;
        }

        @Override
        public void update(T value) {
            write(value);
        }
    }

    private final class WindowListState<T> extends WindowScoped<List<T>> implements ListState<T> {
        WindowListState(MapState<W, List<T>> byWindow) {
            super(byWindow);
        }

        @Override
        public Iterable<T> get() {
            List<T> list = read();
            return list == null ? List.of() : list;
        }

        @Override
        public void add(T value) {
            addAll(List.of(value));
        }

        @Override
        public void addAll(List<T> values) {
            if (values == null || values.isEmpty()) {
                return;
            }
            List<T> old = read();
            List<T> next = old == null ? new ArrayList<>() : new ArrayList<>(old); // the stored list may be shared with a snapshot
            next.addAll(values);
            write(next);
        }

        @Override
        public void update(List<T> values) {
            write(values == null || values.isEmpty() ? null : new ArrayList<>(values));
        }
    }

    private final class WindowReducingState<T> extends WindowScoped<T> implements ReducingState<T> {
        private final ReduceFunction<T> reducer;

        WindowReducingState(MapState<W, T> byWindow, ReduceFunction<T> reducer) {
            super(byWindow);
            this.reducer = reducer;
        }

        @Override
        public T get() {
            return read();
        }

        @Override
        public void add(T value) throws Exception {
            T old = read();
            write(old == null ? value : reducer.reduce(old, value));
        }
    }

    private final class WindowAggregatingState<IN, ACC, OUT> extends WindowScoped<ACC> implements AggregatingState<IN, OUT> {
        private final AggregateFunction<IN, ACC, OUT> function;

        WindowAggregatingState(MapState<W, ACC> byWindow, AggregateFunction<IN, ACC, OUT> function) {
            super(byWindow);
            this.function = function;
        }

        @Override
        public OUT get() {
            ACC acc = read();
            return acc == null ? null : function.getResult(acc);
        }

        @Override
        public void add(IN value) {
            ACC acc = read();
            write(function.add(value, acc == null ? function.createAccumulator() : acc));
        }
    }

    /** Map state of one window: the window's whole map is read and written back on a change. */
    private final class WindowMapState<UK, UV> extends WindowScoped<Map<UK, UV>> implements MapState<UK, UV> {
        WindowMapState(MapState<W, Map<UK, UV>> byWindow) {
            super(byWindow);
        }

        private Map<UK, UV> current() {
            Map<UK, UV> map = read();
            return map == null ? Map.of() : java.util.Collections.unmodifiableMap(map);
        }

        private Map<UK, UV> copy() {
            return new LinkedHashMap<>(current()); // the stored map may be shared with a snapshot
        }

        @Override
        public UV get(UK key) {
            return current().get(key);
        }

        @Override
        public void put(UK key, UV value) {
            Map<UK, UV> next = copy();
            next.put(key, value);
            write(next);
        }

        @Override
        public void putAll(Map<UK, UV> map) {
            Map<UK, UV> next = copy();
            next.putAll(map);
            write(next);
        }

        @Override
        public void remove(UK key) {
            Map<UK, UV> next = copy();
            next.remove(key);
            write(next.isEmpty() ? null : next);
        }

        @Override
        public boolean contains(UK key) {
            return current().containsKey(key);
        }

        @Override
        public Iterable<Map.Entry<UK, UV>> entries() {
            return current().entrySet();
        }

        @Override
        public Iterable<UK> keys() {
            return current().keySet();
        }

        @Override
        public Iterable<UV> values() {
            return current().values();
        }

        @Override
        public Iterator<Map.Entry<UK, UV>> iterator() {
            return current().entrySet().iterator();
        }

        @Override
        public boolean isEmpty() {
            return current().isEmpty();
        }
    }
}
