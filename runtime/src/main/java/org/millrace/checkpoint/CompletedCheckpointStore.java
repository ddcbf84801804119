package org.millrace.checkpoint;

import java.util.List;

/**
 * The completed checkpoints of one job that recovery may use, newest last, at most
 * {@code state.checkpoints.num-retained}. Without HA it lives in the JobMaster
 * ({@link StandaloneCompletedCheckpointStore}); with ZooKeeper HA (next round) it survives the
 * JobMaster. Called from the JobMaster's main thread.
 */
public interface CompletedCheckpointStore {

    /** Adds a checkpoint; returns those it pushed out (the caller discards what no retained one shares). */
    List<CompletedCheckpoint> addCheckpoint(CompletedCheckpoint checkpoint) throws Exception;

    /** The newest, or null. */
    CompletedCheckpoint getLatestCheckpoint();

    List<CompletedCheckpoint> getAllCheckpoints();
}
