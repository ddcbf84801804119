package org.millrace.api.source;

import org.millrace.api.functions.RuntimeContext;

/** What a {@link SourceReader} knows of where it runs. */
public interface SourceReaderContext {

    int getIndexOfSubtask();

    int getParallelism();

    /** The runtime context of the source task (accumulators, class loader, job id). */
    RuntimeContext getRuntimeContext();
}
