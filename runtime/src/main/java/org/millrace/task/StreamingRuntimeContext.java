package org.millrace.task;

import java.io.IOException;
import java.util.Collections;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.ExecutionOptions;
import org.millrace.configuration.KeyValueLists;
import org.millrace.graph.ObjectBytes;
import org.millrace.graph.TaskConfig;
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
    private final TaskDeploymentDescriptor descriptor;
    /** The job configuration, read from the task configuration when first asked for; null until then. */
    private Configuration jobConfiguration;

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
        this.descriptor = tdd;
    }

    /** Gives the job configuration (from the deserialized task configuration), so it need not be read again. */
    public void setJobConfiguration(Configuration jobConfiguration) {
        this.jobConfiguration = jobConfiguration;
    }

    @Override
    public Map<String, String> getGlobalJobParameters() {
        String text = jobConfiguration().getString(ExecutionOptions.GLOBAL_JOB_PARAMETERS.key(), null);
        return Collections.unmodifiableMap(KeyValueLists.parse(text));
    }

    @Override
    public boolean isObjectReuseEnabled() {
        return jobConfiguration().get(ExecutionOptions.OBJECT_REUSE);
    }

    /**
     * The job configuration. Unless the task handed it over with {@link #setJobConfiguration}, it is
     * read once from the serialized task configuration: only functions that ask pay for that.
     */
    private Configuration jobConfiguration() {
        if (jobConfiguration == null) {
            try {
                TaskConfig config = ObjectBytes.deserialize(descriptor.serializedTaskConfig(), userCodeClassLoader);
                jobConfiguration = config.jobConfiguration() == null ? new Configuration() : config.jobConfiguration();
            } catch (IOException | ClassNotFoundException e) {
                throw new IllegalStateException("Could not read the job configuration of " + descriptor.taskNameWithSubtask(), e);
            }
        }
        return jobConfiguration;
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
