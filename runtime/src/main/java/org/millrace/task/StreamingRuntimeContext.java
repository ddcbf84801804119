package org.millrace.task;

import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.millrace.api.JobID;
import org.millrace.api.accumulators.Accumulator;
import org.millrace.api.accumulators.DoubleCounter;
import org.millrace.api.accumulators.IntCounter;
import org.millrace.api.accumulators.LongCounter;
import org.millrace.api.functions.JobInfo;
import org.millrace.api.functions.RuntimeContext;
import org.millrace.api.functions.TaskInfo;

/**
 * The {@link RuntimeContext} of the functions of one subtask. Accumulators are shared by all
 * operators of the chain (names are per task, as in Flink). Task thread only.
 */
public final class StreamingRuntimeContext implements RuntimeContext {

    private final JobInfo jobInfo;
    private final TaskInfo taskInfo;
    private final ClassLoader userCodeClassLoader;
    private final Map<String, Accumulator<?, ?>> accumulators = new LinkedHashMap<>();

    public StreamingRuntimeContext(TaskDeploymentDescriptor tdd, ClassLoader userCodeClassLoader) {
        JobID jobId = tdd.jobId();
        String jobName = tdd.jobName();
        this.jobInfo = new JobInfo() {
            @Override
            public JobID getJobId() {
                return jobId;
            }

            @Override
            public String getJobName() {
                return jobName;
            }
        };
        this.taskInfo = new TaskInfo() {
            @Override
            public String getTaskName() {
                return tdd.taskName();
            }

            @Override
            public int getIndexOfThisSubtask() {
                return tdd.subtaskIndex();
            }

            @Override
            public int getNumberOfParallelSubtasks() {
                return tdd.parallelism();
            }

            @Override
            public int getMaxNumberOfParallelSubtasks() {
                return tdd.maxParallelism();
            }

            @Override
            public int getAttemptNumber() {
                return tdd.executionId().attemptNumber();
            }
        };
        this.userCodeClassLoader = userCodeClassLoader;
    }

    @Override
    public JobInfo getJobInfo() {
        return jobInfo;
    }

    @Override
    public TaskInfo getTaskInfo() {
        return taskInfo;
    }

    @Override
    public ClassLoader getUserCodeClassLoader() {
        return userCodeClassLoader;
    }

    @Override
    public <V, A extends Serializable> void addAccumulator(String name, Accumulator<V, A> accumulator) {
        if (accumulators.containsKey(name)) {
            throw new UnsupportedOperationException("The accumulator '" + name + "' already exists and cannot be added again");
        }
        accumulators.put(name, accumulator);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V, A extends Serializable> Accumulator<V, A> getAccumulator(String name) {
        return (Accumulator<V, A>) accumulators.get(name);
    }

    @Override
    public LongCounter getLongCounter(String name) {
        return getOrAdd(name, LongCounter.class, new LongCounter());
    }

    @Override
    public IntCounter getIntCounter(String name) {
        return getOrAdd(name, IntCounter.class, new IntCounter());
    }

    @Override
    public DoubleCounter getDoubleCounter(String name) {
        return getOrAdd(name, DoubleCounter.class, new DoubleCounter());
    }

    private <A extends Accumulator<?, ?>> A getOrAdd(String name, Class<A> type, A fresh) {
        Accumulator<?, ?> existing = accumulators.get(name);
        if (existing == null) {
            accumulators.put(name, fresh);
            return fresh;
        }
        if (!type.isInstance(existing)) {
            throw new UnsupportedOperationException("The accumulator '" + name + "' exists with type "
                    + existing.getClass().getName() + ", not " + type.getName());
        }
        return type.cast(existing);
    }

    /** Copies of the accumulators' current values, for the task's final report. */
    public Map<String, Accumulator<?, ?>> snapshotAccumulators() {
        Map<String, Accumulator<?, ?>> copy = new HashMap<>();
        accumulators.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }
}
