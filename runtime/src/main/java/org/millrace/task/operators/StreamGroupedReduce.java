package org.millrace.task.operators;

import org.millrace.api.functions.KeySelector;
import org.millrace.api.functions.ReduceFunction;
import org.millrace.api.functions.RuntimeContext;
import org.millrace.api.state.ValueState;
import org.millrace.api.state.ValueStateDescriptor;
import org.millrace.api.typeinfo.InvalidTypesException;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.state.DefaultKeyedStateStore;
import org.millrace.state.KeyedStateBackend;

/**
 * A running reduce per key ({@code KeyedStream.reduce} and the built-in aggregations): folds each
 * record into its key's value and emits the new value. The value lives in a {@link ValueState} of
 * the operator's keyed state backend ({@code state.backend.type}), so it is part of checkpoints
 * and savepoints. A rich reduce function gets keyed state of its own through its runtime context.
 * Task thread only.
 */
public final class StreamGroupedReduce<T, K> extends AbstractUdfStreamOperator<T, ReduceFunction<T>>
        implements OneInputStreamOperator<T, T> {

    private static final long serialVersionUID = 1L;

    /** Flink's name for this state, so savepoint tooling finds it under the same name. */
    static final String STATE_NAME = "_op_state";

    private final KeySelector<T, K> keySelector;
    private final TypeInformation<K> keyType;
    private final TypeInformation<T> valueType;
    private transient KeyedStateBackend<K> backend;
    private transient ValueState<T> values;

    /**
     * @param keyType the key type (null if unknown: the operator then fails when opened, saying how to give it)
     * @param valueType the stream's type (null if unknown: likewise)
     */
    public StreamGroupedReduce(ReduceFunction<T> reducer, KeySelector<T, K> keySelector, TypeInformation<K> keyType,
            TypeInformation<T> valueType) {
        super(reducer);
        this.keySelector = keySelector;
        this.keyType = keyType;
        this.valueType = valueType;
    }

    @Override
    public void open() throws Exception {
        if (keyType == null) {
            throw new InvalidTypesException("The key type of keyed reduce/aggregation '" + context.getOperatorName()
                    + "' is unknown, so it cannot keep its values in keyed state: give it with keyBy(selector, Types...)");
        }
        if (valueType == null) {
            throw new InvalidTypesException("The type of the stream into keyed reduce/aggregation '"
                    + context.getOperatorName() + "' is unknown: declare it with .returns(...) on the operator before keyBy");
        }
        // the backend exists before the function opens, so a rich reducer gets keyed state too
        backend = context.createKeyedStateBackend(keyType);
        values = new DefaultKeyedStateStore(backend).getState(new ValueStateDescriptor<>(STATE_NAME, valueType));
        super.open();
    }

    @Override
    protected RuntimeContext functionRuntimeContext() {
        return new KeyedStateRuntimeContext(context.getRuntimeContext(), new DefaultKeyedStateStore(backend));
    }

    @Override
    public void processElement(T value, long timestamp) throws Exception {
        backend.setCurrentKey(keySelector.getKey(value));
        T current = values.value();
        T next = current == null ? value : userFunction.reduce(current, value);
        values.update(next);
        output.collect(next, timestamp);
    }

    @Override
    public void close() throws Exception {
        try {
            super.close();
        } finally {
            if (backend != null) {
                backend.close();
            }
        }
    }
}
