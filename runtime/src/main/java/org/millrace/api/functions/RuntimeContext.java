package org.millrace.api.functions;

import java.util.Collections;
import java.util.Map;
import org.millrace.api.accumulators.Accumulator;
import org.millrace.api.accumulators.DoubleCounter;
import org.millrace.api.accumulators.IntCounter;
import org.millrace.api.accumulators.LongCounter;
import org.millrace.api.state.AggregatingState;
import org.millrace.api.state.AggregatingStateDescriptor;
import org.millrace.api.state.ListState;
import org.millrace.api.state.ListStateDescriptor;
import org.millrace.api.state.MapState;
import org.millrace.api.state.MapStateDescriptor;
import org.millrace.api.state.ReducingState;
import org.millrace.api.state.ReducingStateDescriptor;
import org.millrace.api.state.ValueState;
import org.millrace.api.state.ValueStateDescriptor;

/**
 * What a running function can see of its task: job and subtask identity, the user class loader and
 * accumulators, and (on a keyed stream) keyed state. Used only from the task's thread.
 */
public interface RuntimeContext {

    JobInfo getJobInfo();

    TaskInfo getTaskInfo();

    ClassLoader getUserCodeClassLoader();

    /**
     * Registers an accumulator under {@code name}; its values from all subtasks are merged into the
     * job's result. Registering the same name twice in one subtask is an error.
     */
    <V, A extends java.io.Serializable> void addAccumulator(String name, Accumulator<V, A> accumulator);

    /** The accumulator registered under {@code name} by this subtask, or null. */
    <V, A extends java.io.Serializable> Accumulator<V, A> getAccumulator(String name);

    /** Registers (on first use) and returns a long counter accumulator. */
    LongCounter getLongCounter(String name);

    IntCounter getIntCounter(String name);

    DoubleCounter getDoubleCounter(String name);

    /**
     * The job's global parameters ({@code env.getConfig().setGlobalJobParameters(...)}, or
     * {@code pipeline.global-job-parameters}), as Flink 2 gives them: a read-only map, empty if none.
     */
    default Map<String, String> getGlobalJobParameters() {
        return Collections.emptyMap();
    }

    /** The job's recorded {@code pipeline.object-reuse} flag (see {@code ExecutionConfig#enableObjectReuse}). */
    default boolean isObjectReuseEnabled() {
        return false;
    }

    // ------------------------------------------------------------------------
    //  Keyed state (only in functions on a keyed stream; bound to the current record's key)
    // ------------------------------------------------------------------------

    /** The value state named by {@code stateProperties}, created on first use. */
    default <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties) {
        throw noKeyedState();
    }

    default <T> ListState<T> getListState(ListStateDescriptor<T> stateProperties) {
        throw noKeyedState();
    }

    default <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> stateProperties) {
        throw noKeyedState();
    }

    default <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> stateProperties) {
        throw noKeyedState();
    }

    default <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> stateProperties) {
        throw noKeyedState();
    }

    private static UnsupportedOperationException noKeyedState() {
        return new UnsupportedOperationException(
                "Keyed state can only be used on a 'keyed stream', i.e., after a 'keyBy()' operation.");
    }
}
