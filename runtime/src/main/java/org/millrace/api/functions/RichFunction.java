package org.millrace.api.functions;

/**
 * A function with a life cycle: {@link #open} before the first record, {@link #close} after the
 * last (or on cancellation), and access to its {@link RuntimeContext}. All three are called from
 * the thread of the task that runs the function.
 */
public interface RichFunction extends Function {

    void open(OpenContext openContext) throws Exception;

    void close() throws Exception;

    RuntimeContext getRuntimeContext();

    void setRuntimeContext(RuntimeContext runtimeContext);
}
