package org.millrace.task;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.millrace.api.util.OutputTag;
import java.util.List;
import org.millrace.api.functions.RuntimeContext;
import org.millrace.graph.TaskConfig;
import org.millrace.checkpoint.TaskRestore;
import org.millrace.state.CheckpointStreamFactory;
import org.millrace.network.RecordWriter;
import org.millrace.task.operators.OneInputStreamOperator;
import org.millrace.task.operators.ProcessingTimeService;
import org.millrace.task.operators.Output;
import org.millrace.task.operators.StreamOperator;

/**
 * The operators of one task wired to each other (direct calls) and to the task's record writers.
 * Opened tail first, so an operator only ever emits into opened successors; finished head first,
 * so what a finishing operator flushes still flows through the rest of the chain. Task thread only.
 */
final class OperatorChain {

    private final List<StreamOperator<?>> operators = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<ChainedOperatorContext> contexts = new ArrayList<>();

    @SuppressWarnings({"unchecked", "rawtypes"})
    OperatorChain(TaskConfig config, List<RecordWriter<?>> writers, RuntimeContext runtimeContext,
            ProcessingTimeService processingTimeService, boolean checkpointingEnabled, TaskRestore restore) {
        List<TaskConfig.ChainedOperator> chain = config.chain();
        Output<?>[] outputs = new Output<?>[chain.size()];
        // build outputs from the tail backwards: an operator's chained successors come later in the list
        for (int i = chain.size() - 1; i >= 0; i--) {
            TaskConfig.ChainedOperator c = chain.get(i);
            List<Output<?>> main = new ArrayList<>();
            Map<OutputTag<?>, List<Output<?>>> sides = new LinkedHashMap<>();
            for (int k = 0; k < c.chainedOutputs().length; k++) {
                TaskConfig.ChainedOperator next = chain.get(c.chainedOutputs()[k]);
                Output<?> o = ChainingOutputs.create((OneInputStreamOperator) next.operator(), next.name());
                addTo(main, sides, c.chainedOutputTags()[k], o);
            }
            for (int k = 0; k < c.networkOutputs().length; k++) {
                addTo(main, sides, c.networkOutputTags()[k], new RecordWriterOutput<>(writers.get(c.networkOutputs()[k])));
            }
            Output<?> out = combine(main);
            if (!sides.isEmpty()) {
                Map<OutputTag<?>, Output<Object>> sideOutputs = new HashMap<>();
                sides.forEach((tag, list) -> sideOutputs.put(tag, (Output<Object>) combine(list)));
                out = new SideOutputRouter(out, sideOutputs);
            }
            outputs[i] = out;
        }
        for (int i = 0; i < chain.size(); i++) {
            TaskConfig.ChainedOperator c = chain.get(i);
            StreamOperator op = c.operator();
            ChainedOperatorContext context = new ChainedOperatorContext(c.operatorId(), c.name(), runtimeContext,
                    processingTimeService, config.autoWatermarkIntervalMillis(), config.jobConfiguration(),
                    checkpointingEnabled, restore == null ? null : restore.stateOf(c.operatorId()));
            op.setup(context, outputs[i]);
            operators.add(op);
            contexts.add(context);
            names.add(c.name());
        }
    }

    private static void addTo(List<Output<?>> main, Map<OutputTag<?>, List<Output<?>>> sides, OutputTag<?> tag, Output<?> o) {
        if (tag == null) {
            main.add(o);
        } else {
            sides.computeIfAbsent(tag, t -> new ArrayList<>()).add(o);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Output<?> combine(List<Output<?>> targets) {
        if (targets.isEmpty()) {
            return new DiscardingOutput<>();
        }
        return targets.size() == 1 ? targets.get(0) : new BroadcastingOutput(targets.toArray(new Output[0]));
    }

    StreamOperator<?> getHead() {
        return operators.get(0);
    }

    String getHeadName() {
        return names.get(0);
    }

    void open() throws Exception {
        for (int i = operators.size() - 1; i >= 0; i--) {
            operators.get(i).open();
        }
    }

    /**
     * The synchronous part of the chain's snapshot, head first (an operator's state never depends on
     * what its successors did with its output). The caller completes the parts off the task thread.
     */
    List<OperatorSnapshotInProgress> snapshotState(long checkpointId, boolean savepoint, CheckpointStreamFactory streamFactory)
            throws Exception {
        List<OperatorSnapshotInProgress> parts = new ArrayList<>(operators.size());
        try {
            for (int i = 0; i < operators.size(); i++) {
                try {
                    parts.add(contexts.get(i).snapshot(operators.get(i), checkpointId, savepoint, streamFactory));
                } catch (Exception e) {
                    throw ChainedOperatorException.wrap(names.get(i), e);
                }
            }
        } catch (Exception e) {
            parts.forEach(OperatorSnapshotInProgress::cancel);
            throw e;
        }
        return parts;
    }

    void notifyCheckpointComplete(long checkpointId) throws Exception {
        for (int i = 0; i < operators.size(); i++) {
            try {
                operators.get(i).notifyCheckpointComplete(checkpointId);
            } catch (Exception e) {
                throw ChainedOperatorException.wrap(names.get(i), e);
            }
        }
    }

    void finish() throws Exception {
        for (StreamOperator<?> op : operators) {
            op.finish();
        }
    }

    /** Closes every operator, even if some fail; returns the first failure (or null). */
    Throwable closeAll() {
        Throwable first = null;
        for (StreamOperator<?> op : operators) {
            try {
                op.close();
            } catch (Throwable t) {
                if (first == null) {
                    first = t;
                }
            }
        }
        return first;
    }
}
