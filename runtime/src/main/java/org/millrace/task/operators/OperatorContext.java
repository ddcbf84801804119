package org.millrace.task.operators;

import java.util.List;
import java.io.IOException;
import org.millrace.api.functions.RuntimeContext;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.state.KeyedStateBackend;

/** What an operator knows of where it runs; built by the task for each operator of its chain. */
public interface OperatorContext {

    RuntimeContext getRuntimeContext();

    String getOperatorName();

    /** Wall-clock timers whose callbacks run on the task thread. */
    ProcessingTimeService getProcessingTimeService();

    /** {@code pipeline.auto-watermark-interval} in milliseconds (0: no periodic watermarks). */
    long getAutoWatermarkIntervalMillis();

    /**
     * Creates the keyed state backend of this operator subtask ({@code state.backend.type}), owning
     * the key groups of this subtask, filled from the restored checkpoint if there is one; the task
     * snapshots it at every checkpoint; the operator closes it. At most one per operator.
     */
    <K> KeyedStateBackend<K> createKeyedStateBackend(TypeInformation<K> keyType) throws IOException;

    /** True when the job takes checkpoints ({@code execution.checkpointing.interval} is set). */
    boolean isCheckpointingEnabled();

    /**
     * The entries of the operator list {@code name} this subtask restored (written by
     * {@link StreamOperator#snapshotState} of an earlier run, redistributed if the parallelism
     * changed), or null if the task did not restore this operator's state.
     */
    List<byte[]> getRestoredListState(String name);
}
