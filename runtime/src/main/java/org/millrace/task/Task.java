package org.millrace.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.millrace.api.source.SourceSplit;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.graph.ExecutionAttemptID;
import org.millrace.graph.ObjectBytes;
import org.millrace.graph.TaskConfig;
import org.millrace.graph.partitioner.StreamPartitioner;
import org.millrace.checkpoint.CheckpointStorage;
import org.millrace.api.CheckpointingMode;
import org.millrace.configuration.CheckpointingOptions;
import org.millrace.configuration.Configuration;
import org.millrace.network.CheckpointBarrierHandler;
import org.millrace.network.InputGate;
import org.millrace.network.api.CheckpointBarrier;
import org.millrace.network.InputGateDeploymentDescriptor;
import org.millrace.network.NetworkInput;
import org.millrace.network.RecordWriter;
import org.millrace.network.ResultPartitionDeploymentDescriptor;
import org.millrace.network.ResultPartitionWriter;
import org.millrace.network.ShuffleEnvironment;
import org.millrace.task.operators.SourceOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subtask execution in its own thread: deserializes its operator chain with the job's class
 * loader, creates its result partitions and input gates, runs its {@link StreamTask} and reports
 * each state change (INITIALIZING, RUNNING, then FINISHED with its accumulators, FAILED with the
 * failing operator and exception, or CANCELED).
 *
 * <p>{@link #start()} and {@link #cancel()} are called by the TaskManager's thread; everything
 * else runs on the task thread.
 */
public final class Task implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Task.class);

    private final TaskDeploymentDescriptor descriptor;
    private final ShuffleEnvironment shuffle;
    private final ClassLoader userClassLoader;
    private final TaskStateListener listener;
    private final CheckpointResponder checkpointResponder;

    /** Written by the TaskManager thread, read by the task thread. */
    private volatile boolean canceled;
    /** Set once by the task thread when it exists; read by {@link #cancel()}. */
    private volatile StreamTask streamTask;
    private volatile Thread thread;
    private volatile ExecutionState state = ExecutionState.CREATED;
    private final TaskIOMetrics ioMetrics = new TaskIOMetrics();

    public Task(TaskDeploymentDescriptor descriptor, ShuffleEnvironment shuffle, ClassLoader userClassLoader,
            TaskStateListener listener, CheckpointResponder checkpointResponder) {
        this.checkpointResponder = checkpointResponder;
        this.descriptor = descriptor;
        this.shuffle = shuffle;
        this.userClassLoader = userClassLoader;
        this.listener = listener;
    }

    /** Starts the task's thread; state changes are reported to the listener from then on. */
    public void start() {
        Thread t = new Thread(this, "millrace-task " + descriptor.taskNameWithSubtask());
        t.setDaemon(true);
        t.setContextClassLoader(userClassLoader);
        thread = t;
        t.start();
    }

    /** Asks the task to stop; returns at once. The listener then hears CANCELED (or FINISHED/FAILED if it ended first). */
    public void cancel() {
        canceled = true;
        StreamTask st = streamTask;
        if (st != null) {
            st.cancel();
        }
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            // wakes a task blocked on an output buffer or in user code that sleeps
            t.interrupt();
        }
    }

    /** From the JobMaster (any thread): a source task starts checkpoint {@code barrier}; others decline. */
    public void triggerCheckpoint(CheckpointBarrier barrier) {
        StreamTask st = streamTask;
        if (st == null || state != ExecutionState.RUNNING) {
            checkpointResponder.declineCheckpoint(descriptor.executionId(), barrier.checkpointId(),
                    new CheckpointDeclinedException(descriptor.taskNameWithSubtask() + " is not running (" + state + ")", true));
            return;
        }
        st.triggerCheckpoint(barrier);
    }

    /** From the JobMaster (any thread): checkpoint {@code checkpointId} is complete. */
    public void notifyCheckpointComplete(long checkpointId) {
        StreamTask st = streamTask;
        if (st != null) {
            st.notifyCheckpointComplete(checkpointId);
        }
    }

    public ExecutionAttemptID getExecutionId() {
        return descriptor.executionId();
    }

    public TaskDeploymentDescriptor getDescriptor() {
        return descriptor;
    }

    /** Busy / back-pressured / idle time so far; any thread. */
    public TaskIOSnapshot getIOMetrics() {
        return ioMetrics.snapshot();
    }

    public ExecutionState getExecutionState() {
        return state;
    }

    /** The task's thread, or null before {@link #start()}. */
    public Thread getThread() {
        return thread;
    }

    @Override
    public void run() {
        List<ResultPartitionWriter> partitions = new ArrayList<>();
        List<InputGate> gates = new ArrayList<>();
        List<RecordWriter<?>> writers = new ArrayList<>();
        StreamingRuntimeContext runtimeContext = new StreamingRuntimeContext(descriptor, userClassLoader);
        StreamTask st = null;
        SubtaskCheckpointCoordinator checkpoints = null;
        Throwable failure = null;
        boolean finished = false;
        try {
            report(ExecutionState.INITIALIZING, null, null);
            TaskConfig config = ObjectBytes.deserialize(descriptor.serializedTaskConfig(), userClassLoader);
            String owner = descriptor.taskNameWithSubtask();
            for (ResultPartitionDeploymentDescriptor d : descriptor.producedPartitions()) {
                partitions.add(shuffle.createResultPartition(owner, d));
            }
            for (InputGateDeploymentDescriptor d : descriptor.inputGates()) {
                gates.add(shuffle.createInputGate(owner, d));
            }
            for (int i = 0; i < partitions.size(); i++) {
                writers.add(createWriter(partitions.get(i), config.networkOutputs().get(i)));
            }
            NetworkInput<?> input = gates.isEmpty() ? null
                    : new NetworkInput<>(gates, config.inputType().createSerializer());
            Configuration jobConfig = config.jobConfiguration();
            runtimeContext.setJobConfiguration(jobConfig);
            boolean checkpointing = jobConfig.get(CheckpointingOptions.CHECKPOINTING_INTERVAL) != null;
            // also without periodic checkpoints: savepoints
            checkpoints = new SubtaskCheckpointCoordinator(descriptor.executionId(), descriptor.taskNameWithSubtask(),
                    CheckpointStorage.fromConfiguration(jobConfig, descriptor.jobId()), checkpointResponder);
            Mailbox mailbox = new Mailbox();
            MailboxProcessingTimeService timers = new MailboxProcessingTimeService(mailbox, descriptor.taskName());
            OperatorChain chain = new OperatorChain(config, writers, runtimeContext, timers, checkpointing, descriptor.taskRestore());
            if (chain.getHead() instanceof SourceOperator<?, ?> source) {
                assignSplits(source, config.splitsPerSubtask().get(descriptor.subtaskIndex()));
            }
            st = new StreamTask(mailbox, timers, chain, writers, input, config.bufferTimeoutMillis(), ioMetrics, checkpoints, checkpointing);
            if (input != null) {
                input.setCheckpointBarrierHandler(CheckpointBarrierHandler.create(
                        jobConfig.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE) == CheckpointingMode.EXACTLY_ONCE,
                        input.getNumberOfInputChannels(), st));
            }
            streamTask = st;
            if (canceled) {
                return;
            }
            finished = st.invoke(() -> report(ExecutionState.RUNNING, null, null));
        } catch (Throwable t) {
            failure = t;
        } finally {
            if (st != null) {
                Throwable closeFailure = st.close();
                if (failure == null && closeFailure != null && !canceled) {
                    failure = closeFailure;
                    finished = false;
                }
            }
            if (checkpoints != null) {
                checkpoints.close();
            }
            for (RecordWriter<?> w : writers) {
                w.close();
            }
            partitions.forEach(ResultPartitionWriter::close);
            gates.forEach(InputGate::close);
            reportEnd(finished, failure, runtimeContext);
        }
    }

    private void reportEnd(boolean finished, Throwable failure, StreamingRuntimeContext runtimeContext) {
        if (failure == null && finished) {
            report(ExecutionState.FINISHED, null, runtimeContext.snapshotAccumulators());
        } else if (canceled) {
            report(ExecutionState.CANCELED, null, null);
        } else {
            Throwable cause = failure == null ? new IllegalStateException("task stopped without finishing") : failure;
            String operator = descriptor.taskName();
            if (cause instanceof ChainedOperatorException c) {
                operator = c.getOperatorName();
                cause = c.getCause();
            }
            LOG.warn("{} failed", descriptor.taskNameWithSubtask(), cause);
            report(ExecutionState.FAILED,
                    new TaskFailureException(operator, descriptor.subtaskIndex(), descriptor.parallelism(), cause), null);
        }
    }

    private void report(ExecutionState newState, TaskFailureException failure, Map<String, org.millrace.api.accumulators.Accumulator<?, ?>> accumulators) {
        state = newState;
        listener.onTaskStateChange(new TaskExecutionState(
                descriptor.jobId(), descriptor.executionId(), newState, failure, accumulators == null ? Map.of() : accumulators));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static RecordWriter<?> createWriter(ResultPartitionWriter partition, TaskConfig.NetworkOutput output) {
        StreamPartitioner partitioner = output.partitioner();
        TypeInformation type = output.type();
        return new RecordWriter<>(partition, partitioner, type.createSerializer());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void assignSplits(SourceOperator source, List<SourceSplit> splits) {
        source.assignSplits(splits);
    }
}
