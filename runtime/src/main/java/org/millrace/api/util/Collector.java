package org.millrace.api.util;

/** Receives the records a function emits. Called only from the task's thread. */
public interface Collector<T> {

    void collect(T record);

    /** Closes the collector; the engine calls it, user code need not. */
    void close();
}
