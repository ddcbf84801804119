package org.millrace.api.state;

import java.util.Iterator;
import java.util.Map;

/**
 * A map per key. User keys must not be {@code null}; user values may be. Iterators and views are
 * valid until the next access of this state or change of the current key, and support
 * {@link Iterator#remove()}. Used only from the task's thread.
 *
 * @param <UK> the type of the user keys
 * @param <UV> the type of the user values
 */
public interface MapState<UK, UV> extends State {

    /** The value mapped to {@code key} for the current key, or {@code null}. */
    UV get(UK key) throws Exception;

    void put(UK key, UV value) throws Exception;

    void putAll(Map<UK, UV> map) throws Exception;

    void remove(UK key) throws Exception;

    boolean contains(UK key) throws Exception;

    Iterable<Map.Entry<UK, UV>> entries() throws Exception;

    Iterable<UK> keys() throws Exception;

    Iterable<UV> values() throws Exception;

    Iterator<Map.Entry<UK, UV>> iterator() throws Exception;

    /** True if the map of the current key has no mappings. */
    boolean isEmpty() throws Exception;
}
