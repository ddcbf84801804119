package org.millrace.api.source;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the splits assigned to one parallel instance of a source. Pull-based and non-blocking: the
 * source task calls {@link #pollNext} from its mailbox loop, so checkpoints, timers and
 * cancellation are served between calls. All methods are called from the source task's thread.
 */
public interface SourceReader<T, SplitT extends SourceSplit> extends AutoCloseable {

    /** Called once before the first {@link #pollNext}. */
    default void start() throws Exception {}

    /** Hands splits to this reader (at start, and after restore with their saved positions). */
    void addSplits(List<SplitT> splits);

    /**
     * Emits a bounded amount of records (a few thousand at most, so that the task can serve its
     * mailbox in between) and says whether more are available.
     */
    InputStatus pollNext(ReaderOutput<T> output) throws Exception;

    /** Completes when {@link #pollNext} may have something again after NOTHING_AVAILABLE. */
    default CompletableFuture<Void> isAvailable() {
        return CompletableFuture.completedFuture(null);
    }

    /** The splits with the positions reached so far: what is left to read. */
    List<SplitT> snapshotState(long checkpointId);

    @Override
    default void close() throws Exception {}
}
