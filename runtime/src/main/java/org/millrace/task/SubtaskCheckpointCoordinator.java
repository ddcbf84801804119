package org.millrace.task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.millrace.checkpoint.CheckpointMetrics;
import org.millrace.checkpoint.CheckpointStorage;
import org.millrace.checkpoint.OperatorID;
import org.millrace.checkpoint.OperatorSubtaskState;
import org.millrace.checkpoint.TaskStateSnapshot;
import org.millrace.graph.ExecutionAttemptID;
import org.millrace.network.RecordWriter;
import org.millrace.network.api.CheckpointBarrier;
import org.millrace.state.CheckpointStreamFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task's side of a checkpoint: forwards the barrier, takes the synchronous part of every
 * operator's snapshot on the task thread, then writes the state on the task's snapshot thread and
 * acknowledges with the state handles (or declines with the cause). The task goes on processing
 * while its state is written.
 *
 * <p>{@link #checkpoint} and {@link #close} run on the task thread; the asynchronous part on the single
 * {@code millrace-snapshot} thread of the task, so a task's checkpoints are acknowledged in order.
 */
final class SubtaskCheckpointCoordinator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SubtaskCheckpointCoordinator.class);

    private final ExecutionAttemptID executionId;
    private final String taskName;
    private final CheckpointStorage storage;
    private final CheckpointResponder responder;
    /** Created with the first checkpoint: most tasks of jobs without checkpoints never need it. */
    private ExecutorService snapshotThread;

    SubtaskCheckpointCoordinator(ExecutionAttemptID executionId, String taskName, CheckpointStorage storage,
            CheckpointResponder responder) {
        this.executionId = executionId;
        this.taskName = taskName;
        this.storage = storage;
        this.responder = responder;
    }

    /** Task thread: barrier out, synchronous snapshot, asynchronous part handed to the snapshot thread. */
    void checkpoint(CheckpointBarrier barrier, OperatorChain chain, List<RecordWriter<?>> writers, long alignmentMillis)
            throws Exception {
        long id = barrier.checkpointId();
        for (int i = 0; i < writers.size(); i++) {
            writers.get(i).broadcastEvent(barrier.asEvent());
            writers.get(i).flushAll();
        }
        long syncStart = System.nanoTime();
        List<OperatorSnapshotInProgress> parts;
        try {
            CheckpointStreamFactory streamFactory = storage.createStreamFactory(id, barrier.targetLocation());
            parts = chain.snapshotState(id, barrier.savepoint(), streamFactory);
        } catch (Exception e) {
            LOG.warn("{} declines checkpoint {}", taskName, id, e);
            responder.declineCheckpoint(executionId, id, e);
            return;
        }
        long syncMillis = (System.nanoTime() - syncStart) / 1_000_000;
        if (snapshotThread == null) {
            snapshotThread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "millrace-snapshot " + taskName);
                t.setDaemon(true);
                return t;
            });
        }
        try {
            snapshotThread.execute(() -> completeAsync(id, parts, alignmentMillis, syncMillis));
        } catch (RejectedExecutionException e) {
            parts.forEach(OperatorSnapshotInProgress::cancel); // the task is closing
        }
    }

    private void completeAsync(long id, List<OperatorSnapshotInProgress> parts, long alignmentMillis, long syncMillis) {
        long asyncStart = System.nanoTime();
        Map<OperatorID, OperatorSubtaskState> states = new HashMap<>();
        try {
            for (OperatorSnapshotInProgress part : parts) {
                states.put(part.operatorId(), part.complete());
            }
        } catch (Throwable t) {
            parts.forEach(OperatorSnapshotInProgress::cancel);
            new TaskStateSnapshot(states).discardState();
            LOG.warn("{} could not write its state for checkpoint {}", taskName, id, t);
            responder.declineCheckpoint(executionId, id, t);
            return;
        }
        TaskStateSnapshot snapshot = new TaskStateSnapshot(states);
        responder.acknowledgeCheckpoint(executionId, id,
                new CheckpointMetrics(alignmentMillis, syncMillis, (System.nanoTime() - asyncStart) / 1_000_000,
                        snapshot.stateSize(), snapshot.checkpointedSize()),
                snapshot);
    }

    void decline(long checkpointId, Throwable cause) {
        responder.declineCheckpoint(executionId, checkpointId, cause);
    }

    /** The task cannot take part (not running yet, or ended): not a failure of the checkpoint mechanism. */
    void declineNotReady(long checkpointId, String reason) {
        responder.declineCheckpoint(executionId, checkpointId, new CheckpointDeclinedException(reason, true));
    }

    void reportEndOfData() {
        responder.reportEndOfData(executionId);
    }

    /** Stops the snapshot thread; a snapshot being written is abandoned. Task thread. */
    @Override
    public void close() {
        if (snapshotThread == null) {
            return;
        }
        snapshotThread.shutdownNow();
        try {
            snapshotThread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
