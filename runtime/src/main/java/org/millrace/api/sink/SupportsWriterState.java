package org.millrace.api.sink;

import java.io.IOException;
import java.util.Collection;
import org.millrace.api.io.SimpleVersionedSerializer;

/**
 * A {@link Sink} whose writers have state ({@link StatefulSinkWriter}). On recovery the runtime
 * calls {@link #restoreWriter} instead of {@link Sink#createWriter} with the states of the
 * checkpoint it restores; after a change of parallelism the states of all former writers are
 * spread over the new ones, so a writer may receive several or none.
 *
 * @param <InputT> the records written
 * @param <WriterStateT> the writer state
 */
public interface SupportsWriterState<InputT, WriterStateT> {

    StatefulSinkWriter<InputT, WriterStateT> restoreWriter(
            WriterInitContext context, Collection<WriterStateT> recoveredState) throws IOException;

    SimpleVersionedSerializer<WriterStateT> getWriterStateSerializer();
}
