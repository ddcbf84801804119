package org.millrace.task.operators;

import org.millrace.api.functions.RuntimeContext;

/** What an operator knows of where it runs; built by the task for each operator of its chain. */
public interface OperatorContext {

    RuntimeContext getRuntimeContext();

    String getOperatorName();

    /** Wall-clock timers whose callbacks run on the task thread. */
    ProcessingTimeService getProcessingTimeService();

    /** {@code pipeline.auto-watermark-interval} in milliseconds (0: no periodic watermarks). */
    long getAutoWatermarkIntervalMillis();
}
