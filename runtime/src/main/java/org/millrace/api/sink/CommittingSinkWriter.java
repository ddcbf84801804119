package org.millrace.api.sink;

import java.io.IOException;
import java.util.Collection;

/**
 * The writer of a two-phase-commit sink ({@link SupportsCommitter}): what it wrote since the last
 * checkpoint becomes committables at the checkpoint, which the sink's {@link Committer} makes
 * visible once the checkpoint is complete. Called only from the sink task's thread.
 *
 * @param <InputT> the records written
 * @param <CommT> what one commit makes visible (e.g. a pending part file)
 */
public interface CommittingSinkWriter<InputT, CommT> extends SinkWriter<InputT> {

    /**
     * Called at each checkpoint barrier, after {@link #flush(boolean) flush(false)}, and once at
     * the end of input after {@code flush(true)}: closes what was written so far into committables.
     * Records written afterwards belong to the next ones.
     */
    Collection<CommT> prepareCommit() throws IOException, InterruptedException;
}
