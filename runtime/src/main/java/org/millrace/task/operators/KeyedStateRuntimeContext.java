package org.millrace.task.operators;

import java.io.Serializable;
import org.millrace.api.accumulators.Accumulator;
import org.millrace.api.accumulators.DoubleCounter;
import org.millrace.api.accumulators.IntCounter;
import org.millrace.api.accumulators.LongCounter;
import org.millrace.api.functions.JobInfo;
import org.millrace.api.functions.RuntimeContext;
import org.millrace.api.functions.TaskInfo;
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

/**
 * The runtime context of a function on a keyed stream: the task's context plus keyed state, bound
 * to whatever key the operator set as current. Task thread only.
 */
final class KeyedStateRuntimeContext implements RuntimeContext {

    private final RuntimeContext task;
    private final KeyedStateStore state;

    KeyedStateRuntimeContext(RuntimeContext task, KeyedStateStore state) {
        this.task = task;
        this.state = state;
    }

    @Override
    public JobInfo getJobInfo() {
        return task.getJobInfo();
    }

    @Override
    public TaskInfo getTaskInfo() {
        return task.getTaskInfo();
    }

    @Override
    public ClassLoader getUserCodeClassLoader() {
        return task.getUserCodeClassLoader();
    }

    @Override
    public java.util.Map<String, String> getGlobalJobParameters() {
        return task.getGlobalJobParameters();
    }

    @Override
    public boolean isObjectReuseEnabled() {
        return task.isObjectReuseEnabled();
    }

    @Override
    public <V, A extends Serializable> void addAccumulator(String name, Accumulator<V, A> accumulator) {
        task.addAccumulator(name, accumulator);
    }

    @Override
    public <V, A extends Serializable> Accumulator<V, A> getAccumulator(String name) {
        return task.getAccumulator(name);
    }

    @Override
    public LongCounter getLongCounter(String name) {
        return task.getLongCounter(name);
    }

    @Override
    public IntCounter getIntCounter(String name) {
        return task.getIntCounter(name);
    }

    @Override
    public DoubleCounter getDoubleCounter(String name) {
        return task.getDoubleCounter(name);
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties) {
        return state.getState(stateProperties);
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> stateProperties) {
        return state.getListState(stateProperties);
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> stateProperties) {
        return state.getReducingState(stateProperties);
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> stateProperties) {
        return state.getAggregatingState(stateProperties);
    }

    @Override
    public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> stateProperties) {
        return state.getMapState(stateProperties);
    }
}
