package org.millrace.api.state;

/**
 * Base of all partitioned (keyed) state. A state object is bound to the key of the record being
 * processed: each access reads or writes the value of the current key only. Used only from the
 * task's thread.
 */
public interface State {

    /** Removes the value of the current key. */
    void clear();
}
