package org.millrace.jobmaster;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.millrace.api.accumulators.Accumulator;
import org.millrace.graph.ExecutionAttemptID;
import org.millrace.graph.ExecutionVertex;
import org.millrace.resourcemanager.AllocatedSlot;
import org.millrace.task.ExecutionState;

/** One execution attempt of a subtask, as the JobMaster tracks it. Used from the JobMaster's main thread only. */
final class Execution {

    final ExecutionVertex vertex;
    final ExecutionAttemptID attemptId;
    ExecutionState state = ExecutionState.CREATED;
    /** Where it was deployed; null before. */
    AllocatedSlot slot;
    /** The deployment call's acknowledgement; null before deployment. */
    CompletableFuture<Void> deployment;
    /** The final accumulator values, once FINISHED. */
    Map<String, Accumulator<?, ?>> accumulators = Map.of();

    Execution(ExecutionVertex vertex, int attemptNumber) {
        this.vertex = vertex;
        this.attemptId = new ExecutionAttemptID(vertex.getId(), attemptNumber);
    }

    boolean isTerminal() {
        return state.isTerminal();
    }

    @Override
    public String toString() {
        return vertex.getTaskNameWithSubtask() + " [" + state + "]";
    }
}
