package org.millrace.task;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RunnableFuture;
import org.millrace.api.functions.RuntimeContext;
import org.millrace.api.functions.TaskInfo;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.checkpoint.OperatorID;
import org.millrace.checkpoint.OperatorListState;
import org.millrace.checkpoint.OperatorSubtaskState;
import org.millrace.configuration.Configuration;
import org.millrace.state.CheckpointStreamFactory;
import org.millrace.state.KeyGroupRange;
import org.millrace.state.KeyedStateBackend;
import org.millrace.state.KeyedStateBackendParameters;
import org.millrace.state.KeyedStateHandle;
import org.millrace.state.StateBackendLoader;
import org.millrace.task.operators.OperatorContext;
import org.millrace.task.operators.ProcessingTimeService;
import org.millrace.task.operators.StateSnapshotContext;
import org.millrace.task.operators.StreamOperator;

/**
 * The context of one operator of a chain, and the owner of that operator's checkpointed state: it
 * hands the operator its restored state, remembers the keyed state backend it created, and takes
 * the operator's snapshot at a checkpoint. Task thread only.
 */
final class ChainedOperatorContext implements OperatorContext {

    private final OperatorID operatorId;
    private final String name;
    private final RuntimeContext runtimeContext;
    private final ProcessingTimeService processingTimeService;
    private final long autoWatermarkIntervalMillis;
    private final Configuration jobConfiguration;
    private final boolean checkpointingEnabled;
    /** Null when the task starts without state for this operator. */
    private final OperatorSubtaskState restored;
    private KeyedStateBackend<?> keyedStateBackend;

    ChainedOperatorContext(OperatorID operatorId, String name, RuntimeContext runtimeContext,
            ProcessingTimeService processingTimeService, long autoWatermarkIntervalMillis, Configuration jobConfiguration,
            boolean checkpointingEnabled, OperatorSubtaskState restored) {
        this.operatorId = operatorId;
        this.name = name;
        this.runtimeContext = runtimeContext;
        this.processingTimeService = processingTimeService;
        this.autoWatermarkIntervalMillis = autoWatermarkIntervalMillis;
        this.jobConfiguration = jobConfiguration;
        this.checkpointingEnabled = checkpointingEnabled;
        this.restored = restored;
    }

    OperatorID getOperatorId() {
        return operatorId;
    }

    @Override
    public RuntimeContext getRuntimeContext() {
        return runtimeContext;
    }

    @Override
    public String getOperatorName() {
        return name;
    }

    @Override
    public ProcessingTimeService getProcessingTimeService() {
        return processingTimeService;
    }

    @Override
    public long getAutoWatermarkIntervalMillis() {
        return autoWatermarkIntervalMillis;
    }

    @Override
    public boolean isCheckpointingEnabled() {
        return checkpointingEnabled;
    }

    @Override
    public List<byte[]> getRestoredListState(String listName) {
        if (restored == null) {
            return null;
        }
        OperatorListState list = restored.listStates().get(listName);
        return list == null ? List.of() : list.entries();
    }

    @Override
    public <K> KeyedStateBackend<K> createKeyedStateBackend(TypeInformation<K> keyType) throws IOException {
        if (keyedStateBackend != null) {
            throw new IllegalStateException("operator '" + name + "' already has a keyed state backend");
        }
        TaskInfo task = runtimeContext.getTaskInfo();
        int maxParallelism = task.getMaxNumberOfParallelSubtasks();
        int parallelism = task.getNumberOfParallelSubtasks();
        int subtask = task.getIndexOfThisSubtask();
        KeyedStateBackend<K> backend = StateBackendLoader.fromConfiguration(jobConfiguration).createKeyedStateBackend(
                new KeyedStateBackendParameters<>(name + " (" + (subtask + 1) + "/" + parallelism + ")",
                        keyType.createSerializer(), maxParallelism,
                        KeyGroupRange.forSubtask(maxParallelism, parallelism, subtask)));
        if (restored != null && !restored.keyedState().isEmpty()) {
            try {
                backend.restore(restored.keyedState());
            } catch (Exception e) {
                backend.close();
                throw new IOException("Operator '" + name + "' could not restore its keyed state: " + e.getMessage(), e);
            }
        }
        keyedStateBackend = backend;
        return backend;
    }

    /** The synchronous part of this operator's snapshot; the keyed part's future is run later, off the task thread. */
    OperatorSnapshotInProgress snapshot(StreamOperator<?> operator, long checkpointId, boolean savepoint,
            CheckpointStreamFactory streamFactory) throws Exception {
        Map<String, OperatorListState> lists = new HashMap<>();
        operator.snapshotState(new StateSnapshotContext() {
            @Override
            public long getCheckpointId() {
                return checkpointId;
            }

            @Override
            public boolean isSavepoint() {
                return savepoint;
            }

            @Override
            public void putListState(String listName, OperatorListState.Distribution distribution, List<byte[]> entries) {
                lists.put(listName, new OperatorListState(listName, distribution, entries));
            }
        });
        RunnableFuture<KeyedStateHandle> keyed = keyedStateBackend == null ? null
                : keyedStateBackend.snapshot(checkpointId, streamFactory, savepoint); // savepoints are full
        return new OperatorSnapshotInProgress(operatorId, lists, keyed);
    }
}
