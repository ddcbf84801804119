package org.millrace.task;

import java.util.ArrayList;
import java.util.List;
import org.millrace.api.functions.RuntimeContext;
import org.millrace.graph.TaskConfig;
import org.millrace.network.RecordWriter;
import org.millrace.task.operators.OneInputStreamOperator;
import org.millrace.task.operators.OperatorContext;
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

    @SuppressWarnings({"unchecked", "rawtypes"})
    OperatorChain(TaskConfig config, List<RecordWriter<?>> writers, RuntimeContext runtimeContext,
            ProcessingTimeService processingTimeService) {
        List<TaskConfig.ChainedOperator> chain = config.chain();
        Output<?>[] outputs = new Output<?>[chain.size()];
        // build outputs from the tail backwards: an operator's chained successors come later in the list
        for (int i = chain.size() - 1; i >= 0; i--) {
            TaskConfig.ChainedOperator c = chain.get(i);
            List<Output<?>> targets = new ArrayList<>();
            for (int next : c.chainedOutputs()) {
                targets.add(ChainingOutputs.create((OneInputStreamOperator) chain.get(next).operator(), chain.get(next).name()));
            }
            for (int w : c.networkOutputs()) {
                targets.add(new RecordWriterOutput<>(writers.get(w)));
            }
            Output<?> out;
            if (targets.isEmpty()) {
                out = new DiscardingOutput<>();
            } else if (targets.size() == 1) {
                out = targets.get(0);
            } else {
                out = new BroadcastingOutput(targets.toArray(new Output[0]));
            }
            outputs[i] = out;
        }
        for (int i = 0; i < chain.size(); i++) {
            TaskConfig.ChainedOperator c = chain.get(i);
            StreamOperator op = c.operator();
            String name = c.name();
            op.setup(new OperatorContext() {
                @Override
                public RuntimeContext getRuntimeContext() {
                    return runtimeContext;
                }

                @Override
                public String getOperatorName() {
                    return name;
                }

                @Override
                public ProcessingTimeService getProcessingTimeService() {
                    return processingTimeService;
                }

                @Override
                public long getAutoWatermarkIntervalMillis() {
                    return config.autoWatermarkIntervalMillis();
                }
            }, outputs[i]);
            operators.add(op);
            names.add(name);
        }
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
