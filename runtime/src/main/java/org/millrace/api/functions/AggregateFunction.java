package org.millrace.api.functions;

import java.io.Serializable;

/**
 * An incremental aggregation with an accumulator: {@link #createAccumulator()} starts one,
 * {@link #add} folds a value in, {@link #getResult} reads the result, {@link #merge} combines two
 * accumulators (for merging windows). Functions may return a new accumulator or modify and return
 * the one passed in. Called from the task's thread.
 *
 * @param <IN> the type of the values aggregated
 * @param <ACC> the type of the accumulator (the intermediate state)
 * @param <OUT> the type of the result
 */
public interface AggregateFunction<IN, ACC, OUT> extends Function, Serializable {

    /** A new accumulator, the start of an aggregate. */
    ACC createAccumulator();

    /** Folds {@code value} into {@code accumulator}; returns the new accumulator (may be the same object). */
    ACC add(IN value, ACC accumulator);

    /** The result of the aggregate of {@code accumulator}. */
    OUT getResult(ACC accumulator);

    /** Combines two accumulators into one; may modify and return either. */
    ACC merge(ACC a, ACC b);
}
