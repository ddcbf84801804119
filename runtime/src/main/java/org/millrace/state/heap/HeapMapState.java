package org.millrace.state.heap;

import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.millrace.api.state.MapState;
import org.millrace.state.MapStateIterators;

/** {@link MapState} on the heap: a {@code HashMap} per key. Used only from the task's thread. */
final class HeapMapState<K, UK, UV> extends AbstractHeapState<K, HashMap<UK, UV>> implements MapState<UK, UV> {

    private final boolean mutableValues;

    HeapMapState(HeapKeyedStateBackend<K> backend, StateTable<K, HashMap<UK, UV>> table, boolean mutableValues) {
        super(backend, table);
        this.mutableValues = mutableValues;
    }

    @Override
    public UV get(UK key) {
        checkKey(key);
        HashMap<UK, UV> map = mutableValues ? readForUpdate() : read();
        return map == null ? null : map.get(key);
    }

    @Override
    public void put(UK key, UV value) {
        checkKey(key);
        mapForUpdate().put(key, value);
    }

    @Override
    public void putAll(Map<UK, UV> map) {
        if (map == null || map.isEmpty()) {
            return;
        }
        map.keySet().forEach(HeapMapState::checkKey);
        mapForUpdate().putAll(map);
    }

    @Override
    public void remove(UK key) {
        checkKey(key);
        HashMap<UK, UV> map = read();
        if (map == null || !map.containsKey(key)) {
            return;
        }
        map = readForUpdate();
        map.remove(key);
        if (map.isEmpty()) {
            clear();
        }
    }

    @Override
    public boolean contains(UK key) {
        checkKey(key);
        HashMap<UK, UV> map = read();
        return map != null && map.containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<UK, UV>> entries() {
        return this::iterator;
    }

    @Override
    public Iterable<UK> keys() {
        return () -> MapStateIterators.keys(iterator());
    }

    @Override
    public Iterable<UV> values() {
        return () -> MapStateIterators.values(iterator());
    }

    @Override
    public Iterator<Map.Entry<UK, UV>> iterator() {
        // for writing: the iterator supports remove() and setValue(), and hands out mutable values
        HashMap<UK, UV> map = readForUpdate();
        return map == null ? Collections.emptyIterator() : map.entrySet().iterator();
    }

    @Override
    public boolean isEmpty() {
        HashMap<UK, UV> map = read();
        return map == null || map.isEmpty();
    }

    private HashMap<UK, UV> mapForUpdate() {
        HashMap<UK, UV> map = readForUpdate();
        if (map == null) {
            map = new HashMap<>();
            write(map);
        }
        return map;
    }

    private static void checkKey(Object key) {
        if (key == null) {
            throw new NullPointerException("a MapState key must not be null");
        }
    }
}
