package org.millrace.state.heap;

import org.millrace.api.functions.AggregateFunction;
import org.millrace.api.state.AggregatingState;

/** {@link AggregatingState} on the heap: the accumulator per key. Used only from the task's thread. */
final class HeapAggregatingState<K, IN, ACC, OUT> extends AbstractHeapState<K, ACC> implements AggregatingState<IN, OUT> {

    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;
    private final boolean mutable;

    HeapAggregatingState(HeapKeyedStateBackend<K> backend, StateTable<K, ACC> table,
            AggregateFunction<IN, ACC, OUT> aggregateFunction, boolean mutable) {
        super(backend, table);
        this.aggregateFunction = aggregateFunction;
        this.mutable = mutable;
    }

    @Override
    public OUT get() {
        ACC accumulator = mutable ? readForUpdate() : read();
        return accumulator == null ? null : aggregateFunction.getResult(accumulator);
    }

    @Override
    public void add(IN value) {
        ACC accumulator = readForUpdate();
        if (accumulator == null) {
            accumulator = aggregateFunction.createAccumulator();
        }
        write(aggregateFunction.add(value, accumulator));
    }
}
