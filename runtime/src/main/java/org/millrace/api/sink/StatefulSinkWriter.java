package org.millrace.api.sink;

import java.io.IOException;
import java.util.List;

/**
 * A sink writer with state of its own that must survive a failure (e.g. a part-file counter).
 * Its state is taken at every checkpoint, after {@link CommittingSinkWriter#prepareCommit()} when
 * the writer is also committing, and handed back through
 * {@link SupportsWriterState#restoreWriter}. Called only from the sink task's thread.
 *
 * @param <InputT> the records written
 * @param <WriterStateT> the state
 */
public interface StatefulSinkWriter<InputT, WriterStateT> extends SinkWriter<InputT> {

    List<WriterStateT> snapshotState(long checkpointId) throws IOException;
}
