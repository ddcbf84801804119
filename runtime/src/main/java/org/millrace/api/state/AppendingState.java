package org.millrace.api.state;

/**
 * State a value is added to and whose (possibly aggregated) content can be read, per key. Used only
 * from the task's thread.
 *
 * @param <IN> the type of the values added
 * @param <OUT> the type of what {@link #get()} returns
 */
public interface AppendingState<IN, OUT> extends State {

    /**
     * The content for the current key; {@code null} if nothing was added (for {@link ListState}
     * an empty iterable or {@code null}).
     */
    OUT get() throws Exception;

    /** Adds {@code value} to the content of the current key. */
    void add(IN value) throws Exception;
}
