package org.millrace.api.state;

/**
 * A value per key that added values are folded into with the descriptor's
 * {@link org.millrace.api.functions.ReduceFunction}. Used only from the task's thread.
 *
 * @param <T> the type of the values
 */
public interface ReducingState<T> extends MergingState<T, T> {}
