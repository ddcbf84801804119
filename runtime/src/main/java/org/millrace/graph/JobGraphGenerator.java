package org.millrace.graph;

import org.millrace.checkpoint.OperatorID;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.millrace.api.JobID;
import org.millrace.api.source.Source;
import org.millrace.api.source.SourceSplit;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.util.OutputTag;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.ExecutionOptions;

/**
 * Turns a {@link StreamGraph} into a {@link JobGraph}, chaining operators into one task where the
 * records can be passed by a method call: the edge is FORWARD, both sides have the same
 * parallelism, the target has no other input and is not a source, and neither side disabled
 * chaining. Source splits are created here, on the client, and assigned round-robin.
 */
public final class JobGraphGenerator {

    private final StreamGraph streamGraph;
    /** Head node id -> the chain's vertex. */
    private final Map<Integer, JobVertex> vertexOfHead = new LinkedHashMap<>();
    /** Head node id -> the stream edges leaving the chain (its network outputs, in order). */
    private final Map<Integer, List<StreamEdge>> outputsOfHead = new HashMap<>();

    private final long bufferTimeoutMillis;
    private final long autoWatermarkIntervalMillis;
    private final Configuration configuration;

    private JobGraphGenerator(StreamGraph streamGraph, Configuration configuration) {
        this.streamGraph = streamGraph;
        this.configuration = configuration;
        this.bufferTimeoutMillis = configuration.get(ExecutionOptions.BUFFER_TIMEOUT).toMillis();
        this.autoWatermarkIntervalMillis = configuration.get(ExecutionOptions.AUTO_WATERMARK_INTERVAL).toMillis();
    }

    public static JobGraph generate(StreamGraph streamGraph, JobID jobId, Configuration jobConfiguration) {
        return new JobGraphGenerator(streamGraph, jobConfiguration).build(jobId, jobConfiguration);
    }

    /** True if {@code edge}'s target can run in the same task as its source. */
    public static boolean isChainable(StreamEdge edge) {
        StreamNode up = edge.getSource();
        StreamNode down = edge.getTarget();
        return edge.getPartitioner().isPointwise()
                && up.getParallelism() == down.getParallelism()
                && down.getInEdges().size() == 1
                && !down.isSource()
                && !up.isChainingDisabled()
                && !down.isChainingDisabled();
    }

    private JobGraph build(JobID jobId, Configuration jobConfiguration) {
        JobGraph jobGraph = new JobGraph(jobId, streamGraph.getJobName(), jobConfiguration);
        for (StreamNode node : streamGraph.getNodes()) {
            if (isChainHead(node)) {
                JobVertex v = createChain(node);
                vertexOfHead.put(node.getId(), v);
                jobGraph.addVertex(v);
            }
        }
        for (Map.Entry<Integer, List<StreamEdge>> e : outputsOfHead.entrySet()) {
            JobVertex producer = vertexOfHead.get(e.getKey());
            for (StreamEdge edge : e.getValue()) {
                JobVertex consumer = vertexOfHead.get(edge.getTarget().getId());
                JobEdge.connect(producer, consumer, edge.getPartitioner().getDistributionPattern());
            }
        }
        return jobGraph;
    }

    private static boolean isChainHead(StreamNode node) {
        return node.getInEdges().isEmpty() || node.getInEdges().size() > 1 || !isChainable(node.getInEdges().get(0));
    }

    private JobVertex createChain(StreamNode head) {
        List<StreamNode> members = new ArrayList<>();
        collectChain(head, members);
        List<StreamEdge> networkEdges = new ArrayList<>();
        List<TaskConfig.ChainedOperator> chain = new ArrayList<>();
        for (StreamNode n : members) {
            List<Integer> chained = new ArrayList<>();
            List<OutputTag<?>> chainedTags = new ArrayList<>();
            List<Integer> network = new ArrayList<>();
            List<OutputTag<?>> networkTags = new ArrayList<>();
            for (StreamEdge out : n.getOutEdges()) {
                if (isChainable(out)) {
                    chained.add(members.indexOf(out.getTarget()));
                    chainedTags.add(out.getOutputTag());
                } else {
                    network.add(networkEdges.size());
                    networkTags.add(out.getOutputTag());
                    networkEdges.add(out);
                }
            }
            chain.add(new TaskConfig.ChainedOperator(n.getName(), n.getOperator(),
                    toArray(chained), chainedTags.toArray(new OutputTag<?>[0]),
                    toArray(network), networkTags.toArray(new OutputTag<?>[0]), operatorIdOf(n)));
        }
        List<TaskConfig.NetworkOutput> networkOutputs = new ArrayList<>();
        for (StreamEdge e : networkEdges) {
            networkOutputs.add(new TaskConfig.NetworkOutput(e.getPartitioner(), e.requireType(), e.getTarget().getName()));
        }
        outputsOfHead.put(head.getId(), networkEdges);

        TypeInformation<?> inputType = head.isSource() ? null : head.getInEdges().get(0).requireType();
        List<List<SourceSplit>> splits = head.isSource() ? createSplits(head) : null;
        String name = String.join(" -> ", members.stream().map(StreamNode::getName).toList());
        TaskConfig config = new TaskConfig(chain, networkOutputs, inputType, splits, bufferTimeoutMillis, autoWatermarkIntervalMillis,
                configuration);
        byte[] bytes = ObjectBytes.serialize(config, "the operators of '" + name + "'");
        JobVertex vertex = new JobVertex(name, head.getParallelism(), head.getMaxParallelism(), head.isSource(), bytes);
        vertex.setOperatorIds(chain.stream().map(TaskConfig.ChainedOperator::operatorId).toList());
        return vertex;
    }

    private static OperatorID operatorIdOf(StreamNode node) {
        return node.getUid() != null ? OperatorID.fromUid(node.getUid()) : OperatorID.fromStreamNode(node.getId());
    }


    /** Depth-first: the head, then each chainable successor and its chain. */
    private static void collectChain(StreamNode node, List<StreamNode> members) {
        members.add(node);
        for (StreamEdge out : node.getOutEdges()) {
            if (isChainable(out)) {
                collectChain(out.getTarget(), members);
            }
        }
    }

    private static List<List<SourceSplit>> createSplits(StreamNode head) {
        Source<?, ?> source = head.getSource();
        int p = head.getParallelism();
        List<? extends SourceSplit> all;
        try {
            all = source.createSplits(p);
        } catch (Exception e) {
            throw new IllegalArgumentException("Source '" + head.getName() + "' could not create its splits: " + e.getMessage(), e);
        }
        List<List<SourceSplit>> perSubtask = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            perSubtask.add(new ArrayList<>());
        }
        for (int k = 0; k < all.size(); k++) {
            perSubtask.get(k % p).add(all.get(k));
        }
        return perSubtask;
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
