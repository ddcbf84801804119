package org.millrace.api.accumulators;

import java.io.Serializable;

/**
 * A value each subtask adds to while it runs; the JobMaster merges the subtasks' values into the
 * job's result ({@code JobExecutionResult#getAccumulatorResult}). Updated only from the task's
 * thread; the task hands a {@link #clone()} to the JobMaster when it finishes.
 *
 * @param <V> the type of values added
 * @param <R> the type of the result
 */
public interface Accumulator<V, R extends Serializable> extends Serializable, Cloneable {

    void add(V value);

    R getLocalValue();

    void resetLocal();

    /** Adds {@code other}'s value to this one. */
    void merge(Accumulator<V, R> other);

    Accumulator<V, R> clone();
}
