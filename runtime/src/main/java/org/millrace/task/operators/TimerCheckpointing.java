package org.millrace.task.operators;

import java.util.List;
import org.millrace.api.functions.TaskInfo;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.checkpoint.OperatorListState;
import org.millrace.state.KeyGroupRange;

/**
 * Puts a keyed operator's timers into its checkpoints and back: a UNION list named
 * {@value #TIMERS_STATE}, so that after a change of parallelism each subtask finds the timers of its
 * key groups. Stateless; called on the task thread.
 */
public final class TimerCheckpointing {

    static final String TIMERS_STATE = "timers";

    private TimerCheckpointing() {}

    public static <K> void snapshot(StateSnapshotContext snapshot, InternalTimerService<K> timers, TypeSerializer<K> keySerializer,
            TypeSerializer<Object> namespaceSerializer) throws Exception {
        snapshot.putListState(TIMERS_STATE, OperatorListState.Distribution.UNION,
                List.of(timers.snapshot(keySerializer, namespaceSerializer)));
    }

    public static <K> void restore(OperatorContext context, InternalTimerService<K> timers, TypeSerializer<K> keySerializer,
            TypeSerializer<Object> namespaceSerializer) throws Exception {
        List<byte[]> restored = context.getRestoredListState(TIMERS_STATE);
        if (restored == null || restored.isEmpty()) {
            return;
        }
        TaskInfo task = context.getRuntimeContext().getTaskInfo();
        KeyGroupRange keyGroups = KeyGroupRange.forSubtask(task.getMaxNumberOfParallelSubtasks(),
                task.getNumberOfParallelSubtasks(), task.getIndexOfThisSubtask());
        timers.restore(restored, keySerializer, namespaceSerializer, keyGroups, task.getMaxNumberOfParallelSubtasks());
    }
}
