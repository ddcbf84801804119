package org.millrace.checkpoint;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BiFunction;
import org.millrace.api.JobID;
import org.millrace.graph.ExecutionAttemptID;
import org.millrace.graph.ExecutionVertexID;
import org.millrace.graph.JobVertexID;
import org.millrace.network.api.CheckpointBarrier;
import org.millrace.state.KeyedStateHandle;
import org.millrace.state.StreamStateHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the checkpoints of one job: every {@code execution.checkpointing.interval} (after at least
 * the minimum pause since the last one ended) it injects a barrier at every running source subtask,
 * collects one acknowledgement with state handles from every subtask that has not finished, writes
 * the metadata through {@link CheckpointStorage} (last: that makes the checkpoint exist), adds it to
 * the {@link CompletedCheckpointStore}, deletes what subsumed checkpoints alone referred to, and
 * tells the tasks, so two-phase-commit sinks commit. A checkpoint that is declined or times out is
 * aborted; more than {@code tolerable-failed-checkpoints} failures in a row fail the job. One
 * checkpoint at a time.
 *
 * <p>Subtasks that finished took part in a checkpoint after their end of data; later checkpoints
 * carry that last state of theirs forward.
 *
 * <p>Thread: the JobMaster's main thread for everything; metadata is written on the I/O executor
 * and the result comes back to the main thread.
 */
public final class CheckpointCoordinator {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointCoordinator.class);

    /** What the coordinator needs of the job's executions; implemented by the JobMaster. */
    public interface Participants {

        /** The subtasks a checkpoint now involves, or null (with a log line) if one cannot start now. */
        CheckpointPlan plan();

        void trigger(ExecutionAttemptID executionId, CheckpointBarrier barrier);

        void notifyComplete(ExecutionAttemptID executionId, long checkpointId);

        /** Too many checkpoints failed in a row. */
        void failJob(Throwable cause);
    }

    /** One subtask in a checkpoint, with what the metadata needs to know of its vertex. */
    public record Participant(ExecutionAttemptID executionId, List<OperatorID> operatorIds, int parallelism, int maxParallelism) {
        ExecutionVertexID vertex() {
            return executionId.vertexId();
        }
    }

    /**
     * @param toTrigger running source subtasks
     * @param toAcknowledge every subtask still running (sources included)
     * @param finished subtasks that finished: their last acknowledged state is carried forward
     */
    public record CheckpointPlan(List<Participant> toTrigger, List<Participant> toAcknowledge, List<Participant> finished) {}

    private final JobID jobId;
    private final CheckpointCoordinatorConfiguration config;
    private final CheckpointStorage storage;
    private final CompletedCheckpointStore store;
    private final Participants participants;
    private final BiFunction<Runnable, Duration, ScheduledFuture<?>> mainThreadScheduler;
    private final Executor mainThread;
    private final Executor ioExecutor;

    private long nextCheckpointId = 1;
    private PendingCheckpoint pending;
    private ScheduledFuture<?> periodicTrigger;
    private boolean periodicRunning;
    private boolean shutDown;
    private long lastCheckpointEndMillis;
    private int consecutiveFailures;
    /** The latest acknowledged state of each subtask: carried forward once it has finished. */
    private final Map<ExecutionVertexID, Map<OperatorID, OperatorSubtaskState>> lastStates = new HashMap<>();
    /** A savepoint waiting for the running checkpoint to end. */
    private final List<Runnable> waitingSavepoints = new ArrayList<>();
    private final List<CheckpointStats> history = new ArrayList<>();
    /**
     * Shared files (incremental RocksDB SST files) of aborted checkpoints' state. Not deleted at the
     * abort: the backend that uploaded them may refer to them again in its next checkpoints (an SST
     * file never changes). A file that the next completed checkpoint does not refer to is dead in its
     * database (a later snapshot of that backend holds only files alive at the completed one), so
     * it is deleted then unless a retained checkpoint refers to it.
     */
    private final Set<StreamStateHandle> abortedSharedFiles = new HashSet<>();
    /**
     * Where the last aborted checkpoints were. A task still writing when its checkpoint is aborted
     * may create files there after the abort deleted the location: a late acknowledgement, and the
     * end of the job (when no task writes any more), delete it again. Main thread.
     */
    private final Map<Long, CheckpointStorageLocation> abortedLocations = new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, CheckpointStorageLocation> eldest) {
            return size() > 64;
        }
    };

    public CheckpointCoordinator(JobID jobId, CheckpointCoordinatorConfiguration config, CheckpointStorage storage,
            CompletedCheckpointStore store, Participants participants,
            BiFunction<Runnable, Duration, ScheduledFuture<?>> mainThreadScheduler, Executor mainThread, Executor ioExecutor) {
        this.jobId = jobId;
        this.config = config;
        this.storage = storage;
        this.store = store;
        this.participants = participants;
        this.mainThreadScheduler = mainThreadScheduler;
        this.mainThread = mainThread;
        this.ioExecutor = ioExecutor;
    }

    public CheckpointStorage getStorage() {
        return storage;
    }

    /** The checkpoint recovery starts from, or null. */
    public CompletedCheckpoint getLatestCompletedCheckpoint() {
        return store.getLatestCheckpoint();
    }

    public List<CheckpointStats> getHistory() {
        return List.copyOf(history);
    }

    /** Starts periodic checkpoints (the job's tasks are being deployed). */
    public void startCheckpointScheduler() {
        if (shutDown || config.interval() == null) {
            return;
        }
        periodicRunning = true;
        schedulePeriodic(config.interval());
        ioExecutor.execute(this::warmUpMetadataSerializer);
    }

    /**
     * Loads and compiles the metadata serializer (Avro's schema and reflection set-up take a few
     * hundred milliseconds the first time) before the first checkpoint waits on it. I/O executor.
     */
    private void warmUpMetadataSerializer() {
        try {
            CheckpointMetadataSerializer.deserialize(CheckpointMetadataSerializer.serialize(
                    new CheckpointMetadata(jobId, 0, 0, false, Map.of())), "the warm-up");
        } catch (IOException | RuntimeException e) {
            LOG.debug("Warming up the checkpoint metadata serializer failed", e);
        }
    }

    /** Stops periodic checkpoints and aborts the running one (the job fails, restarts or ends). */
    public void stopCheckpointScheduler(String reason) {
        periodicRunning = false;
        if (periodicTrigger != null) {
            periodicTrigger.cancel(false);
            periodicTrigger = null;
        }
        lastStates.clear();
        if (pending != null) {
            abort(pending, reason, false);
        }
    }

    /** Aborts the running checkpoint (some subtasks restart) without counting it as a failure. */
    public void abortPendingCheckpoint(String reason) {
        if (pending != null) {
            abort(pending, reason, false);
        }
    }

    /** The job ended: no checkpoint runs any more, and no task writes into an aborted one's location. */
    public void shutdown() {
        shutDown = true;
        stopCheckpointScheduler("the job ended");
        List<Map.Entry<Long, CheckpointStorageLocation>> aborted = List.copyOf(abortedLocations.entrySet());
        abortedLocations.clear();
        ioExecutor.execute(() -> aborted.forEach(e -> discardLocation(e.getKey(), e.getValue())));
    }

    private void schedulePeriodic(Duration delay) {
        if (periodicTrigger != null) {
            periodicTrigger.cancel(false);
        }
        periodicTrigger = mainThreadScheduler.apply(this::onPeriodicTrigger, delay);
    }

    private void onPeriodicTrigger() {
        periodicTrigger = null;
        if (!periodicRunning) {
            return;
        }
        triggerCheckpoint(false, null, null);
        if (periodicRunning && periodicTrigger == null) {
            schedulePeriodic(config.interval());
        }
    }

    /** All sources reached their end of data: take the final checkpoint now instead of at the next tick. */
    public void triggerFinalCheckpointSoon() {
        if (!periodicRunning || pending != null) {
            return;
        }
        long sinceLast = System.currentTimeMillis() - lastCheckpointEndMillis;
        Duration delay = Duration.ofMillis(Math.max(0, config.minPause().toMillis() - sinceLast));
        schedulePeriodic(delay);
    }

    /** Takes a savepoint; completes with its directory. */
    public CompletableFuture<String> triggerSavepoint(String targetDirectory) {
        CompletableFuture<String> result = new CompletableFuture<>();
        if (shutDown) {
            result.completeExceptionally(new IllegalStateException("The job of the savepoint has ended"));
            return result;
        }
        Runnable start = () -> {
            if (!triggerCheckpoint(true, targetDirectory, result) && !result.isDone()) {
                result.completeExceptionally(new IllegalStateException(
                        "Cannot take a savepoint now: not all tasks of job " + jobId + " are running"));
            }
        };
        if (pending != null) {
            waitingSavepoints.add(start);
        } else {
            start.run();
        }
        return result;
    }

    /** Returns false if no checkpoint could start (one is running, or the tasks are not all running). */
    private boolean triggerCheckpoint(boolean savepoint, String targetDirectory, CompletableFuture<String> savepointResult) {
        if (shutDown || pending != null) {
            return false;
        }
        if (!savepoint && System.currentTimeMillis() - lastCheckpointEndMillis < config.minPause().toMillis()) {
            return false;
        }
        CheckpointPlan plan = participants.plan();
        if (plan == null || plan.toTrigger().isEmpty()) {
            return false;
        }
        Map<ExecutionVertexID, Map<OperatorID, OperatorSubtaskState>> carried = new HashMap<>();
        for (Participant p : plan.finished()) {
            Map<OperatorID, OperatorSubtaskState> last = lastStates.get(p.vertex());
            if (last == null) {
                LOG.info("No checkpoint of job {} now: finished subtask {} has no state to carry forward", jobId, p.vertex());
                return false;
            }
            carried.put(p.vertex(), last);
        }
        long id = nextCheckpointId++;
        CheckpointStorageLocation location;
        try {
            location = savepoint ? storage.initializeSavepoint(id, targetDirectory) : storage.initializeCheckpoint(id);
        } catch (Exception e) {
            LOG.warn("Could not create the location of checkpoint {} of job {}", id, jobId, e);
            if (savepointResult != null) {
                savepointResult.completeExceptionally(e);
            }
            recordFailure(id, savepoint, System.currentTimeMillis(), "storage: " + e);
            return true;
        }
        long timestamp = System.currentTimeMillis();
        PendingCheckpoint checkpoint = new PendingCheckpoint(id, timestamp, savepoint, location, plan, carried, savepointResult);
        pending = checkpoint;
        checkpoint.timeout = mainThreadScheduler.apply(() -> {
            if (pending == checkpoint) {
                abort(checkpoint, "it did not complete within " + config.timeout().toMillis() + " ms", true);
            }
        }, config.timeout());
        CheckpointBarrier barrier = new CheckpointBarrier(id, timestamp, savepoint, location.getLocationReference());
        LOG.debug("Triggering {} of job {}", barrier, jobId);
        for (Participant p : plan.toTrigger()) {
            participants.trigger(p.executionId(), barrier);
        }
        return true;
    }

    // ------------------------------------------------------------------------
    //  Answers of the tasks
    // ------------------------------------------------------------------------

    public void acknowledge(ExecutionAttemptID executionId, long checkpointId, CheckpointMetrics metrics, TaskStateSnapshot state) {
        PendingCheckpoint checkpoint = pending;
        if (checkpoint == null || checkpoint.id != checkpointId || !checkpoint.acknowledge(executionId, state, metrics)) {
            // late (aborted checkpoint) or from an attempt that is gone: its files are nobody's
            rememberAbortedSharedFiles(state);
            CheckpointStorageLocation aborted = abortedLocations.get(checkpointId);
            ioExecutor.execute(() -> {
                state.discardState();
                if (aborted != null) {
                    discardLocation(checkpointId, aborted);
                }
            });
            return;
        }
        LOG.debug("Checkpoint {} acknowledged by {} after {} ms: alignment {} ms, sync {} ms, async {} ms",
                checkpointId, executionId, System.currentTimeMillis() - checkpoint.timestamp,
                metrics.alignmentMillis(), metrics.syncMillis(), metrics.asyncMillis());
        if (checkpoint.isFullyAcknowledged()) {
            finalizeCheckpoint(checkpoint);
        }
    }

    /**
     * A subtask ended: if the running checkpoint still waits for its acknowledgement, none will come
     * (its trigger met a task that had just finished), so that checkpoint is aborted, not as a failure.
     */
    public void onSubtaskEnded(ExecutionAttemptID executionId) {
        PendingCheckpoint checkpoint = pending;
        if (checkpoint != null && !checkpoint.finalizing && checkpoint.isWaitingFor(executionId)) {
            abort(checkpoint, executionId + " ended before acknowledging it", false);
        }
    }

    /** A task could not take part; {@code taskNotReady} declines (task starting or ended) are not failures. */
    public void decline(ExecutionAttemptID executionId, long checkpointId, String reason, boolean taskNotReady) {
        PendingCheckpoint checkpoint = pending;
        if (checkpoint != null && checkpoint.id == checkpointId) {
            abort(checkpoint, executionId + " declined: " + reason, !taskNotReady);
        }
    }

    private void finalizeCheckpoint(PendingCheckpoint checkpoint) {
        checkpoint.timeout.cancel(false);
        CheckpointMetadata metadata = checkpoint.toMetadata(jobId);
        checkpoint.finalizing = true;
        CompletableFuture.runAsync(() -> {
            try {
                long start = System.nanoTime();
                checkpoint.location.writeMetadata(CheckpointMetadataSerializer.serialize(metadata));
                LOG.debug("Wrote the metadata of checkpoint {} in {} ms", checkpoint.id, (System.nanoTime() - start) / 1_000_000);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, ioExecutor).whenCompleteAsync((ignored, error) -> {
            if (pending != checkpoint) {
                return; // aborted meanwhile (the job failed): the abort discarded it
            }
            if (error != null) {
                abort(checkpoint, "writing its metadata failed: " + error.getCause(), true);
                return;
            }
            onCompleted(checkpoint, new CompletedCheckpoint(metadata, checkpoint.location, System.currentTimeMillis()));
        }, mainThread);
    }

    private void onCompleted(PendingCheckpoint checkpoint, CompletedCheckpoint completed) {
        pending = null;
        consecutiveFailures = 0;
        lastCheckpointEndMillis = System.currentTimeMillis();
        long duration = lastCheckpointEndMillis - checkpoint.timestamp;
        history.add(new CheckpointStats(checkpoint.id, checkpoint.savepoint, true, checkpoint.timestamp, duration,
                completed.metadata().stateSize(), checkpoint.bytesWritten(), checkpoint.location.getExternalPointer(), null));
        LOG.info("Completed {} {} of job {} in {} ms ({} bytes)", checkpoint.savepoint ? "savepoint" : "checkpoint",
                checkpoint.id, jobId, duration, completed.metadata().stateSize());
        lastStates.putAll(checkpoint.statesByVertex());
        if (!checkpoint.savepoint) {
            try {
                List<CompletedCheckpoint> subsumed = store.addCheckpoint(completed);
                discardUnreferenced(subsumed);
            } catch (Exception e) {
                LOG.warn("Could not add checkpoint {} of job {} to its store", checkpoint.id, jobId, e);
            }
        }
        for (Participant p : checkpoint.plan.toAcknowledge()) {
            participants.notifyComplete(p.executionId(), checkpoint.id);
        }
        if (checkpoint.savepointResult != null) {
            checkpoint.savepointResult.complete(checkpoint.location.getExternalPointer());
        }
        runWaitingSavepoint();
    }

    /**
     * Deletes what no retained checkpoint refers to any more: each file of a subsumed checkpoint
     * that no retained one refers to (one by one: shared files of incremental checkpoints live
     * outside the checkpoint's directory), then its directory, unless a retained checkpoint still
     * uses an exclusive file in it (the state of a finished subtask, carried forward); and the shared
     * files of aborted checkpoints that no retained checkpoint took over ({@link #abortedSharedFiles}).
     * A file a retained checkpoint refers to is never deleted.
     */
    private void discardUnreferenced(List<CompletedCheckpoint> subsumed) {
        if (subsumed.isEmpty() && abortedSharedFiles.isEmpty()) {
            return;
        }
        Set<StreamStateHandle> stillUsed = new HashSet<>();
        for (CompletedCheckpoint retained : store.getAllCheckpoints()) {
            stillUsed.addAll(retained.stateFiles());
        }
        List<StreamStateHandle> orphans = new ArrayList<>();
        for (StreamStateHandle file : abortedSharedFiles) {
            if (!stillUsed.contains(file)) {
                orphans.add(file);
            }
        }
        // those still used are now a retained checkpoint's files: its subsumption deletes them
        abortedSharedFiles.clear();
        ioExecutor.execute(() -> {
            for (CompletedCheckpoint old : subsumed) {
                discardSubsumed(old, stillUsed);
            }
            for (StreamStateHandle orphan : orphans) {
                try {
                    orphan.discardState();
                } catch (Exception e) {
                    LOG.warn("Could not delete {} of an aborted checkpoint of job {}", orphan, jobId, e);
                }
            }
        });
    }

    /** I/O executor. */
    private void discardSubsumed(CompletedCheckpoint old, Set<StreamStateHandle> stillUsed) {
        Set<StreamStateHandle> files = old.stateFiles();
        Set<StreamStateHandle> shared = old.sharedStateFiles();
        boolean keepDirectory = false;
        for (StreamStateHandle file : files) {
            if (stillUsed.contains(file) && !shared.contains(file)) {
                keepDirectory = true;
            }
        }
        try {
            for (StreamStateHandle file : files) {
                // exclusive files go with the directory, unless it stays
                if (!stillUsed.contains(file) && (keepDirectory || shared.contains(file))) {
                    file.discardState();
                }
            }
            if (!keepDirectory) {
                old.location().discard();
            }
        } catch (Exception e) {
            LOG.warn("Could not delete subsumed checkpoint {} of job {}", old.checkpointId(), jobId, e);
        }
    }

    /** Main thread: remembers the shared files of state that an aborted checkpoint leaves behind. */
    private void rememberAbortedSharedFiles(TaskStateSnapshot state) {
        for (OperatorSubtaskState s : state.operatorStates().values()) {
            for (KeyedStateHandle h : s.keyedState()) {
                abortedSharedFiles.addAll(h.getSharedStateHandles());
            }
        }
    }

    private void abort(PendingCheckpoint checkpoint, String reason, boolean countsAsFailure) {
        if (pending != checkpoint) {
            return;
        }
        pending = null;
        checkpoint.timeout.cancel(false);
        lastCheckpointEndMillis = System.currentTimeMillis();
        LOG.info("{} {} of job {} aborted: {}", checkpoint.savepoint ? "Savepoint" : "Checkpoint", checkpoint.id, jobId, reason);
        recordFailure(checkpoint.id, checkpoint.savepoint, checkpoint.timestamp, reason);
        checkpoint.acknowledgedStates().forEach(this::rememberAbortedSharedFiles);
        if (!checkpoint.savepoint) {
            abortedLocations.put(checkpoint.id, checkpoint.location);
        }
        ioExecutor.execute(() -> {
            checkpoint.discardAcknowledgedState();
            discardLocation(checkpoint.id, checkpoint.location);
        });
        if (checkpoint.savepointResult != null) {
            checkpoint.savepointResult.completeExceptionally(new IllegalStateException(
                    "Savepoint " + checkpoint.id + " of job " + jobId + " failed: " + reason));
        }
        if (countsAsFailure && !checkpoint.savepoint) {
            consecutiveFailures++;
            if (consecutiveFailures > config.tolerableFailures()) {
                consecutiveFailures = 0;
                participants.failJob(new IllegalStateException("Checkpoint " + checkpoint.id + " failed (" + reason
                        + ") and more than " + config.tolerableFailures()
                        + " checkpoints failed in a row (execution.checkpointing.tolerable-failed-checkpoints)"));
            }
        }
        runWaitingSavepoint();
    }

    /** I/O executor. */
    private void discardLocation(long checkpointId, CheckpointStorageLocation location) {
        try {
            location.discard();
        } catch (Exception e) {
            LOG.warn("Could not delete aborted checkpoint {} of job {} at {}", checkpointId, jobId, location, e);
        }
    }

    private void recordFailure(long id, boolean savepoint, long timestamp, String reason) {
        history.add(new CheckpointStats(id, savepoint, false, timestamp, System.currentTimeMillis() - timestamp, 0, 0, null, reason));
    }

    private void runWaitingSavepoint() {
        if (!waitingSavepoints.isEmpty() && pending == null) {
            waitingSavepoints.remove(0).run();
        }
    }

    /** Which job vertex a participant belongs to; used by tests and the JobMaster's restore. */
    static JobVertexID vertexOf(Participant p) {
        return p.vertex().jobVertexId();
    }
}
