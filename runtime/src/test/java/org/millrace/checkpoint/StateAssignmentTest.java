package org.millrace.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.millrace.api.JobID;
import org.millrace.state.ByteStreamStateHandle;
import org.millrace.state.KeyGroupRange;
import org.millrace.state.KeyGroupRangeOffsets;
import org.millrace.state.KeyGroupsStateHandle;

/** How a checkpoint's state is cut for the subtasks of a job at the same or another parallelism. */
class StateAssignmentTest {

    private static final OperatorID OP = OperatorID.fromUid("op");

    /** A checkpoint of one operator at parallelism 2 (max 8): key groups 0-3 and 4-7, three splits, one union entry each. */
    private static CheckpointMetadata checkpoint() {
        Map<Integer, OperatorSubtaskState> subtasks = Map.of(
                0, subtask(0, 3, List.of("a", "b"), "u0"),
                1, subtask(4, 7, List.of("c"), "u1"));
        return new CheckpointMetadata(JobID.generate(), 5, 0, false, Map.of(OP, new OperatorState(OP, 2, 8, subtasks)));
    }

    private static OperatorSubtaskState subtask(int from, int to, List<String> splits, String union) {
        KeyGroupsStateHandle keyed = new KeyGroupsStateHandle(new KeyGroupRangeOffsets(KeyGroupRange.of(from, to),
                new long[to - from + 1]), new ByteStreamStateHandle("s" + from, new byte[0]));
        List<byte[]> entries = new ArrayList<>();
        splits.forEach(s -> entries.add(s.getBytes()));
        return new OperatorSubtaskState(List.of(keyed), Map.of(
                "splits", new OperatorListState("splits", OperatorListState.Distribution.SPLIT, entries),
                "timers", new OperatorListState("timers", OperatorListState.Distribution.UNION, List.of(union.getBytes()))));
    }

    private static List<String> entries(TaskRestore restore, String list) {
        return restore.stateOf(OP).listStates().get(list).entries().stream().map(String::new).sorted().toList();
    }

    @Test
    void sameParallelismGivesEachSubtaskItsOwnListsAndAllUnionEntries() {
        TaskRestore first = StateAssignment.assign(checkpoint(), List.of(OP), "v", 0, 2, 8);
        TaskRestore second = StateAssignment.assign(checkpoint(), List.of(OP), "v", 1, 2, 8);

        assertThat(entries(first, "splits")).containsExactly("a", "b");
        assertThat(entries(second, "splits")).containsExactly("c");
        assertThat(entries(first, "timers")).containsExactly("u0", "u1");
        assertThat(first.stateOf(OP).keyedState()).extracting(h -> h.getKeyGroupRange()).containsExactly(KeyGroupRange.of(0, 3));
        assertThat(first.checkpointId()).isEqualTo(5);
    }

    @Test
    void anotherParallelismDealsSplitsOutAndGivesEveryOverlappingKeyedHandle() {
        List<String> allSplits = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TaskRestore r = StateAssignment.assign(checkpoint(), List.of(OP), "v", i, 3, 8);
            allSplits.addAll(entries(r, "splits"));
            assertThat(entries(r, "timers")).containsExactly("u0", "u1");
            KeyGroupRange mine = KeyGroupRange.forSubtask(8, 3, i);
            assertThat(r.stateOf(OP).keyedState()).allSatisfy(h ->
                    assertThat(h.getKeyGroupRange().getIntersection(mine).getNumberOfKeyGroups()).isPositive());
        }
        assertThat(allSplits).containsExactlyInAnyOrder("a", "b", "c");
        // subtask 1 of 3 owns key groups 2..4 (or so): it needs both old handles
        assertThat(StateAssignment.assign(checkpoint(), List.of(OP), "v", 1, 3, 8).stateOf(OP).keyedState()).hasSize(2);
    }

    @Test
    void operatorsWithoutStateInTheCheckpointStartEmpty() {
        assertThat(StateAssignment.assign(checkpoint(), List.of(OperatorID.fromUid("new")), "v", 0, 2, 8)).isNull();
    }

    @Test
    void aDifferentMaxParallelismIsRefusedWithTheReason() {
        assertThatThrownBy(() -> StateAssignment.assign(checkpoint(), List.of(OP), "v", 0, 2, 16))
                .hasMessageContaining("max parallelism 8 but now has 16");
    }
}
