package org.millrace.api.state;

import java.io.IOException;

/**
 * A single value per key. Used only from the task's thread.
 *
 * @param <T> the type of the value
 */
public interface ValueState<T> extends State {

    /** The value of the current key; {@code null} (or the descriptor's default) if none is set. */
    T value() throws IOException;

    /** Sets the value of the current key; {@code null} removes it, as {@link #clear()} does. */
    void update(T value) throws IOException;
}
