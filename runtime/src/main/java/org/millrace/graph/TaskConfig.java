package org.millrace.graph;

import java.io.Serializable;
import java.util.List;
import org.millrace.api.source.SourceSplit;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.util.OutputTag;
import org.millrace.checkpoint.OperatorID;
import org.millrace.configuration.Configuration;
import org.millrace.graph.partitioner.StreamPartitioner;
import org.millrace.task.operators.StreamOperator;

/**
 * The serialized content of a job vertex: its operator chain, its network outputs, the type of its
 * input, and for a source chain the splits of every subtask. Each subtask deserializes its own copy,
 * so operators and partitioners are fresh per subtask.
 *
 * @param chain the operators, head first; an operator's chained outputs come later in the list
 * @param networkOutputs one per output edge of the vertex, in the order of its result partitions
 * @param inputType the type of the records on every input gate, or null for a source chain
 * @param splitsPerSubtask for a source chain, the splits of subtask i at index i; else null
 * @param bufferTimeoutMillis how long a partly filled output buffer may wait before it is sent
 * @param autoWatermarkIntervalMillis how often sources emit periodic watermarks (0: never)
 * @param jobConfiguration the job's configuration (state backend and other per-operator settings)
 */
public record TaskConfig(
        List<ChainedOperator> chain,
        List<NetworkOutput> networkOutputs,
        TypeInformation<?> inputType,
        List<List<SourceSplit>> splitsPerSubtask,
        long bufferTimeoutMillis,
        long autoWatermarkIntervalMillis,
        Configuration jobConfiguration)
        implements Serializable {

    /**
     * One operator of the chain and where its output goes.
     *
     * @param chainedOutputs indices into the chain of the operators it calls directly
     * @param chainedOutputTags per chained output, the side output it carries (null: the main output)
     * @param networkOutputs indices into {@link TaskConfig#networkOutputs()} it writes to
     * @param networkOutputTags per network output, the side output it carries (null: the main output)
     * @param operatorId the identity of the operator's state in checkpoints
     */
    public record ChainedOperator(
            String name,
            StreamOperator<?> operator,
            int[] chainedOutputs,
            OutputTag<?>[] chainedOutputTags,
            int[] networkOutputs,
            OutputTag<?>[] networkOutputTags,
            OperatorID operatorId)
            implements Serializable {}

    /** A result partition of the task: its partitioner and the type of its records. */
    public record NetworkOutput(StreamPartitioner<?> partitioner, TypeInformation<?> type, String targetName)
            implements Serializable {}
}
