package org.millrace.api.sink;

import org.millrace.api.functions.RuntimeContext;

/** What a {@link Sink} knows when it creates a writer: where it runs. */
public interface WriterInitContext {

    int getIndexOfSubtask();

    int getParallelism();

    RuntimeContext getRuntimeContext();
}
