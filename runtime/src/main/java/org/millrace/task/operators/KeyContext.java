package org.millrace.task.operators;

import java.io.Serializable;
import org.millrace.api.functions.KeySelector;
import org.millrace.api.functions.RuntimeContext;
import org.millrace.api.state.AggregatingState;
import org.millrace.api.state.AggregatingStateDescriptor;
import org.millrace.api.state.KeyedStateStore;
import org.millrace.api.state.ListState;
import org.millrace.api.state.ListStateDescriptor;
import org.millrace.api.state.MapState;
import org.millrace.api.state.MapStateDescriptor;
import org.millrace.api.state.ReducingState;
import org.millrace.api.state.ReducingStateDescriptor;
import org.millrace.api.state.ValueState;
import org.millrace.api.state.ValueStateDescriptor;
import org.millrace.api.typeinfo.InvalidTypesException;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.state.DefaultKeyedStateStore;
import org.millrace.state.KeyedStateBackend;

/**
 * Makes an operator applied to a keyed stream keyed: owns its keyed state backend, sets the key of
 * each record as the current key, and gives its function a runtime context with keyed state (as
 * Flink does for a rich function after {@code keyBy}). Task thread only.
 */
public final class KeyContext<IN, K> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final KeySelector<IN, K> keySelector;
    private final TypeInformation<K> keyType;
    private transient KeyedStateBackend<K> backend;

    public KeyContext(KeySelector<IN, K> keySelector, TypeInformation<K> keyType) {
        this.keySelector = keySelector;
        this.keyType = keyType;
    }

    /** The function's runtime context: the task's, plus keyed state (its backend is created here). */
    RuntimeContext open(OperatorContext context) throws Exception {
        if (keyType == null) {
            return new KeyedStateRuntimeContext(context.getRuntimeContext(), new UnknownKeyType(context.getOperatorName()));
        }
        backend = context.createKeyedStateBackend(keyType);
        return new KeyedStateRuntimeContext(context.getRuntimeContext(), new DefaultKeyedStateStore(backend));
    }

    /** Sets {@code record}'s key as the current key of the keyed state. */
    void setCurrentKeyOf(IN record) throws Exception {
        if (backend != null) {
            backend.setCurrentKey(keySelector.getKey(record));
        }
    }

    void close() {
        if (backend != null) {
            backend.close();
        }
    }

    /** Keyed state when the key type could not be determined: every request explains how to fix it. */
    private static final class UnknownKeyType implements KeyedStateStore {
        private final String operatorName;

        UnknownKeyType(String operatorName) {
            this.operatorName = operatorName;
        }

        private InvalidTypesException fail() {
            return new InvalidTypesException("Operator '" + operatorName + "' runs on a keyed stream whose key type is"
                    + " unknown, so it has no keyed state: give the key type with keyBy(selector, Types...)");
        }

        @Override
        public <T> ValueState<T> getState(ValueStateDescriptor<T> d) {
            throw fail();
        }

        @Override
        public <T> ListState<T> getListState(ListStateDescriptor<T> d) {
            throw fail();
        }

        @Override
        public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> d) {
            throw fail();
        }

        @Override
        public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> d) {
            throw fail();
        }

        @Override
        public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> d) {
            throw fail();
        }
    }
}
