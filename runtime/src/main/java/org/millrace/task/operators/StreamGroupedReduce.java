package org.millrace.task.operators;

import java.util.HashMap;
import org.millrace.api.functions.KeySelector;
import org.millrace.api.functions.ReduceFunction;

/**
 * A running reduce per key: folds each record into its key's value and emits the new value.
 * Keyed state is a plain map of this subtask's keys until state backends arrive; the partitioner
 * upstream guarantees that each key reaches exactly one subtask.
 */
public final class StreamGroupedReduce<T, K> extends AbstractUdfStreamOperator<T, ReduceFunction<T>>
        implements OneInputStreamOperator<T, T> {

    private static final long serialVersionUID = 1L;

    private final KeySelector<T, K> keySelector;
    private transient HashMap<K, T> values;

    public StreamGroupedReduce(ReduceFunction<T> reducer, KeySelector<T, K> keySelector) {
        super(reducer);
        this.keySelector = keySelector;
    }

    @Override
    public void open() throws Exception {
        super.open();
        values = new HashMap<>();
    }

    @Override
    public void processElement(T value, long timestamp) throws Exception {
        K key = keySelector.getKey(value);
        T current = values.get(key);
        T next = current == null ? value : userFunction.reduce(current, value);
        values.put(key, next);
        output.collect(next, timestamp);
    }
}
