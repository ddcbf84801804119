package org.millrace.state;

import org.millrace.api.state.AggregatingState;
import org.millrace.api.state.AggregatingStateDescriptor;
import org.millrace.api.state.KeyedStateStore;
import org.millrace.api.state.ListState;
import org.millrace.api.state.ListStateDescriptor;
import org.millrace.api.state.MapState;
import org.millrace.api.state.MapStateDescriptor;
import org.millrace.api.state.ReducingState;
import org.millrace.api.state.ReducingStateDescriptor;
import org.millrace.api.state.State;
import org.millrace.api.state.StateDescriptor;
import org.millrace.api.state.ValueState;
import org.millrace.api.state.ValueStateDescriptor;

/**
 * The {@link KeyedStateStore} of a keyed operator: hands out its backend's states. A runtime
 * context delegates its state getters here. Used only from the task's thread.
 */
public final class DefaultKeyedStateStore implements KeyedStateStore {

    private final KeyedStateBackend<?> backend;

    public DefaultKeyedStateStore(KeyedStateBackend<?> backend) {
        this.backend = backend;
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties) {
        return get(stateProperties);
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> stateProperties) {
        return get(stateProperties);
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> stateProperties) {
        return get(stateProperties);
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> stateProperties) {
        return get(stateProperties);
    }

    @Override
    public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> stateProperties) {
        return get(stateProperties);
    }

    private <S extends State> S get(StateDescriptor<S, ?> descriptor) {
        try {
            return backend.getPartitionedState(descriptor);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RuntimeException("Error while getting state '" + descriptor.getName() + "'", e);
        }
    }
}
