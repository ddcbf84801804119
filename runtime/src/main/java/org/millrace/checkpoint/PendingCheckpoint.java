package org.millrace.checkpoint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import org.millrace.api.JobID;
import org.millrace.graph.ExecutionAttemptID;
import org.millrace.graph.ExecutionVertexID;

/**
 * A checkpoint that was triggered and waits for acknowledgements. Owned by the
 * {@link CheckpointCoordinator}, JobMaster main thread only (its discard runs on the I/O executor
 * after the coordinator dropped it).
 */
final class PendingCheckpoint {

    final long id;
    final long timestamp;
    final boolean savepoint;
    final CheckpointStorageLocation location;
    final CheckpointCoordinator.CheckpointPlan plan;
    final CompletableFuture<String> savepointResult;
    ScheduledFuture<?> timeout;
    boolean finalizing;

    private final Map<ExecutionAttemptID, CheckpointCoordinator.Participant> notYetAcknowledged = new HashMap<>();
    private final Map<ExecutionVertexID, Map<OperatorID, OperatorSubtaskState>> states = new HashMap<>();
    private final Map<ExecutionVertexID, CheckpointCoordinator.Participant> participantOf = new HashMap<>();
    private final Map<ExecutionVertexID, TaskStateSnapshot> acknowledged = new HashMap<>();
    private long bytesWritten;

    PendingCheckpoint(long id, long timestamp, boolean savepoint, CheckpointStorageLocation location,
            CheckpointCoordinator.CheckpointPlan plan, Map<ExecutionVertexID, Map<OperatorID, OperatorSubtaskState>> carried,
            CompletableFuture<String> savepointResult) {
        this.id = id;
        this.timestamp = timestamp;
        this.savepoint = savepoint;
        this.location = location;
        this.plan = plan;
        this.savepointResult = savepointResult;
        for (CheckpointCoordinator.Participant p : plan.toAcknowledge()) {
            notYetAcknowledged.put(p.executionId(), p);
            participantOf.put(p.vertex(), p);
        }
        for (CheckpointCoordinator.Participant p : plan.finished()) {
            participantOf.put(p.vertex(), p);
            states.put(p.vertex(), carried.get(p.vertex()));
        }
    }

    /** False if {@code executionId} is not expected (already acknowledged, or not part of it). */
    boolean acknowledge(ExecutionAttemptID executionId, TaskStateSnapshot state, CheckpointMetrics metrics) {
        CheckpointCoordinator.Participant p = notYetAcknowledged.remove(executionId);
        if (p == null) {
            return false;
        }
        states.put(p.vertex(), state.operatorStates());
        acknowledged.put(p.vertex(), state);
        bytesWritten += metrics.bytesUploaded();
        return true;
    }

    boolean isWaitingFor(ExecutionAttemptID executionId) {
        return notYetAcknowledged.containsKey(executionId);
    }

    boolean isFullyAcknowledged() {
        return notYetAcknowledged.isEmpty();
    }

    long bytesWritten() {
        return bytesWritten;
    }

    Map<ExecutionVertexID, Map<OperatorID, OperatorSubtaskState>> statesByVertex() {
        return states;
    }

    CheckpointMetadata toMetadata(JobID jobId) {
        Map<OperatorID, Map<Integer, OperatorSubtaskState>> byOperator = new HashMap<>();
        Map<OperatorID, CheckpointCoordinator.Participant> vertexOfOperator = new HashMap<>();
        for (Map.Entry<ExecutionVertexID, CheckpointCoordinator.Participant> e : participantOf.entrySet()) {
            CheckpointCoordinator.Participant p = e.getValue();
            Map<OperatorID, OperatorSubtaskState> subtaskStates = states.getOrDefault(e.getKey(), Map.of());
            for (OperatorID op : p.operatorIds()) {
                vertexOfOperator.put(op, p);
                OperatorSubtaskState s = subtaskStates.get(op);
                if (s != null) {
                    byOperator.computeIfAbsent(op, k -> new HashMap<>()).put(e.getKey().subtaskIndex(), s);
                }
            }
        }
        Map<OperatorID, OperatorState> operators = new HashMap<>();
        vertexOfOperator.forEach((op, p) -> operators.put(op,
                new OperatorState(op, p.parallelism(), p.maxParallelism(), byOperator.getOrDefault(op, Map.of()))));
        return new CheckpointMetadata(jobId, id, timestamp, savepoint, operators);
    }

    /** What the tasks acknowledged so far. */
    java.util.Collection<TaskStateSnapshot> acknowledgedStates() {
        return List.copyOf(acknowledged.values());
    }

    /** Deletes what the acknowledging tasks wrote for it alone (it was aborted; shared files stay). I/O executor. */
    void discardAcknowledgedState() {
        acknowledged.values().forEach(TaskStateSnapshot::discardState);
    }

    List<CheckpointCoordinator.Participant> waitingFor() {
        return List.copyOf(notYetAcknowledged.values());
    }
}
