package org.millrace.api.state;

/**
 * Where a function on a keyed stream gets its keyed state from (the getters of
 * {@link org.millrace.api.functions.RuntimeContext} delegate here). Each call returns the state
 * for the descriptor's name, creating it on first use; the state is bound to the current key. Used
 * only from the task's thread.
 */
public interface KeyedStateStore {

    <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties);

    <T> ListState<T> getListState(ListStateDescriptor<T> stateProperties);

    <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> stateProperties);

    <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> stateProperties);

    <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> stateProperties);
}
