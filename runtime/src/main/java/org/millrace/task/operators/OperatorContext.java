package org.millrace.task.operators;

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
     * the key groups of this subtask; the operator closes it.
     */
    <K> KeyedStateBackend<K> createKeyedStateBackend(TypeInformation<K> keyType) throws IOException;
}
