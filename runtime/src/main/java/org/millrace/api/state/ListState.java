package org.millrace.api.state;

import java.util.List;

/**
 * A list of values per key. {@link #get()} returns the elements of the current key (an empty
 * iterable if there are none); {@code null} elements are rejected. Used only from the task's thread.
 *
 * @param <T> the type of the elements
 */
public interface ListState<T> extends MergingState<T, Iterable<T>> {

    /** Replaces the list of the current key by {@code values}; an empty list clears it. */
    void update(List<T> values) throws Exception;

    /** Appends all of {@code values} to the list of the current key. */
    void addAll(List<T> values) throws Exception;
}
