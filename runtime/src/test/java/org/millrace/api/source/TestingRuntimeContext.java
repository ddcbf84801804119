package org.millrace.api.source;

import java.util.HashMap;
import java.util.Map;
import org.millrace.api.JobID;
import org.millrace.api.accumulators.Accumulator;
import org.millrace.api.accumulators.DoubleCounter;
import org.millrace.api.accumulators.IntCounter;
import org.millrace.api.accumulators.LongCounter;
import org.millrace.api.functions.JobInfo;
import org.millrace.api.functions.RuntimeContext;
import org.millrace.api.functions.TaskInfo;

/** A runtime context of one subtask that keeps its accumulators in a map, for tests. */
public final class TestingRuntimeContext implements RuntimeContext {

    private final int subtaskIndex;
    private final int parallelism;
    private final JobID jobId = JobID.generate();
    private final Map<String, Accumulator<?, ?>> accumulators = new HashMap<>();

    public TestingRuntimeContext(int subtaskIndex, int parallelism) {
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
    }

    @Override
    public JobInfo getJobInfo() {
        return new JobInfo() {
            @Override
            public JobID getJobId() {
                return jobId;
            }

            @Override
            public String getJobName() {
                return "testing job";
            }
        };
    }

    @Override
    public TaskInfo getTaskInfo() {
        return new TaskInfo() {
            @Override
            public String getTaskName() {
                return "testing task";
            }

            @Override
            public int getIndexOfThisSubtask() {
                return subtaskIndex;
            }

            @Override
            public int getNumberOfParallelSubtasks() {
                return parallelism;
            }

            @Override
            public int getMaxNumberOfParallelSubtasks() {
                return 128;
            }

            @Override
            public int getAttemptNumber() {
                return 0;
            }
        };
    }

    @Override
    public ClassLoader getUserCodeClassLoader() {
        return getClass().getClassLoader();
    }

    @Override
    public <V, A extends java.io.Serializable> void addAccumulator(String name, Accumulator<V, A> accumulator) {
        if (accumulators.putIfAbsent(name, accumulator) != null) {
            throw new UnsupportedOperationException("accumulator " + name + " registered twice");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V, A extends java.io.Serializable> Accumulator<V, A> getAccumulator(String name) {
        return (Accumulator<V, A>) accumulators.get(name);
    }

    @Override
    public LongCounter getLongCounter(String name) {
        return (LongCounter) accumulators.computeIfAbsent(name, n -> new LongCounter());
    }

    @Override
    public IntCounter getIntCounter(String name) {
        return (IntCounter) accumulators.computeIfAbsent(name, n -> new IntCounter());
    }

    @Override
    public DoubleCounter getDoubleCounter(String name) {
        return (DoubleCounter) accumulators.computeIfAbsent(name, n -> new DoubleCounter());
    }
}
