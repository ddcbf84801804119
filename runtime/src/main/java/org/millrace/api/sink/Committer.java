package org.millrace.api.sink;

import java.io.IOException;
import java.util.Collection;

/**
 * Makes the committables of complete checkpoints visible (e.g. renames pending part files to their
 * final names). One per sink subtask, called from the sink task's thread. Must be idempotent: the
 * same committable may come again after a recovery, when it was perhaps committed already.
 *
 * @param <CommT> what one commit makes visible
 */
public interface Committer<CommT> extends AutoCloseable {

    /**
     * Commits each request; a request not marked otherwise counts as committed when this returns.
     * Throwing fails the task (and the job recovers and commits again).
     */
    void commit(Collection<CommitRequest<CommT>> requests) throws IOException, InterruptedException;

    @Override
    default void close() throws Exception {}

    /** One committable to commit, and what became of it. */
    interface CommitRequest<CommT> {

        CommT getCommittable();

        /** How often this committable was handed to {@link #commit} before and asked to retry. */
        int getNumberOfRetries();

        /** It was committed before (e.g. by the attempt before a recovery): nothing to do. */
        void signalAlreadyCommitted();

        /** It cannot be committed now; the runtime hands it again with the next commit call. */
        void retryLater();

        /** It can never be committed: the task fails with {@code cause}. */
        void signalFailedWithUnknownReason(Throwable cause);
    }
}
