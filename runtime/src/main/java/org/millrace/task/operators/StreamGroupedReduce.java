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
    /** Per key a one-element holder, so an update costs one hash lookup rather than a get and a put. */
    private transient HashMap<K, Object[]> values;

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
        Object[] holder = values.get(key);
        T next;
        if (holder == null) {
            next = value;
            values.put(key, new Object[] {next});
        } else {
            @SuppressWarnings("unchecked")
            T current = (T) holder[0];
            next = userFunction.reduce(current, value);
            holder[0] = next;
        }
        output.collect(next, timestamp);
    }
}
