package org.millrace.api.state;

/**
 * An accumulator per key that added values are folded into with the descriptor's
 * {@link org.millrace.api.functions.AggregateFunction}; {@link #get()} returns its result. Used
 * only from the task's thread.
 *
 * @param <IN> the type of the values added
 * @param <OUT> the type of the result
 */
public interface AggregatingState<IN, OUT> extends MergingState<IN, OUT> {}
