package org.millrace.checkpoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.millrace.state.KeyGroupRange;
import org.millrace.state.KeyedStateHandle;

/**
 * Cuts a checkpoint's state into what one subtask of a (possibly re-scaled) job starts from: the
 * keyed state handles whose key groups overlap the subtask's range (the backend reads only its own
 * key groups from them), and each operator list dealt out by its distribution: with the same
 * parallelism every subtask gets its own entries back; otherwise SPLIT entries go round-robin and
 * UNION entries go to everyone. Stateless; the JobMaster's main thread.
 */
public final class StateAssignment {

    private StateAssignment() {}

    /**
     * The restore of subtask {@code subtaskIndex} of a vertex with {@code operatorIds}, or null if
     * the checkpoint has no state for any of them.
     *
     * @throws IllegalStateException if the max parallelism differs from the checkpoint's (key groups would not match)
     */
    public static TaskRestore assign(CheckpointMetadata checkpoint, List<OperatorID> operatorIds, String vertexName,
            int subtaskIndex, int parallelism, int maxParallelism) {
        Map<OperatorID, OperatorSubtaskState> states = new HashMap<>();
        for (OperatorID op : operatorIds) {
            OperatorState old = checkpoint.operatorStates().get(op);
            if (old == null) {
                continue;
            }
            if (old.maxParallelism() != maxParallelism) {
                throw new IllegalStateException("Operator " + op + " of '" + vertexName + "' was checkpointed with max"
                        + " parallelism " + old.maxParallelism() + " but now has " + maxParallelism
                        + ": keyed state cannot be redistributed (keep the max parallelism when rescaling)");
            }
            states.put(op, assignOperator(old, subtaskIndex, parallelism, maxParallelism));
        }
        return states.isEmpty() ? null : new TaskRestore(checkpoint.checkpointId(), new TaskStateSnapshot(states));
    }

    private static OperatorSubtaskState assignOperator(OperatorState old, int subtaskIndex, int parallelism, int maxParallelism) {
        KeyGroupRange range = KeyGroupRange.forSubtask(maxParallelism, parallelism, subtaskIndex);
        List<KeyedStateHandle> keyed = new ArrayList<>();
        for (OperatorSubtaskState s : old.subtaskStates().values()) {
            for (KeyedStateHandle h : s.keyedState()) {
                if (h.getKeyGroupRange().getIntersection(range).getNumberOfKeyGroups() > 0) {
                    keyed.add(h);
                }
            }
        }
        Map<String, OperatorListState> lists = new HashMap<>();
        if (old.parallelism() == parallelism) {
            OperatorSubtaskState own = old.subtaskStates().get(subtaskIndex);
            if (own != null) {
                lists.putAll(own.listStates());
            }
            // UNION lists still go to everyone
            unionLists(old).forEach(lists::put);
        } else {
            Map<String, OperatorListState.Distribution> kinds = new HashMap<>();
            Map<String, List<byte[]>> all = new HashMap<>();
            for (OperatorSubtaskState s : old.subtaskStates().values()) {
                for (OperatorListState l : s.listStates().values()) {
                    kinds.put(l.name(), l.distribution());
                    all.computeIfAbsent(l.name(), n -> new ArrayList<>()).addAll(l.entries());
                }
            }
            all.forEach((name, entries) -> {
                List<byte[]> mine = new ArrayList<>();
                if (kinds.get(name) == OperatorListState.Distribution.UNION) {
                    mine.addAll(entries);
                } else {
                    for (int i = subtaskIndex; i < entries.size(); i += parallelism) {
                        mine.add(entries.get(i));
                    }
                }
                lists.put(name, new OperatorListState(name, kinds.get(name), mine));
            });
        }
        return new OperatorSubtaskState(keyed, lists);
    }

    private static Map<String, OperatorListState> unionLists(OperatorState old) {
        Map<String, List<byte[]>> all = new HashMap<>();
        for (OperatorSubtaskState s : old.subtaskStates().values()) {
            for (OperatorListState l : s.listStates().values()) {
                if (l.distribution() == OperatorListState.Distribution.UNION) {
                    all.computeIfAbsent(l.name(), n -> new ArrayList<>()).addAll(l.entries());
                }
            }
        }
        Map<String, OperatorListState> result = new HashMap<>();
        all.forEach((name, entries) -> result.put(name, new OperatorListState(name, OperatorListState.Distribution.UNION, entries)));
        return result;
    }
}
