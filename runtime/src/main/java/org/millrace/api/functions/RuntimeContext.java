package org.millrace.api.functions;

import org.millrace.api.accumulators.Accumulator;
import org.millrace.api.accumulators.DoubleCounter;
import org.millrace.api.accumulators.IntCounter;
import org.millrace.api.accumulators.LongCounter;

/**
 * What a running function can see of its task: job and subtask identity, the user class loader and
 * accumulators. Used only from the task's thread.
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
}
