package org.millrace.api.sink;

/** What a {@link SupportsCommitter sink} knows when it creates its committer: where it runs. */
public interface CommitterInitContext {

    int getIndexOfSubtask();

    int getParallelism();
}
