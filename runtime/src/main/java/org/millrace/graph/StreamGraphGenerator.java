package org.millrace.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.millrace.api.util.OutputTag;
import org.millrace.configuration.Configuration;
import org.millrace.graph.partitioner.ForwardPartitioner;
import org.millrace.graph.partitioner.RebalancePartitioner;
import org.millrace.graph.partitioner.StreamPartitioner;
import org.millrace.task.operators.SourceOperator;

/**
 * Translates the transformations reachable from the given sinks into a {@link StreamGraph}:
 * operators become nodes with resolved parallelism; partition and union transformations become
 * edge properties. An edge without an explicit partitioner is FORWARD when both sides have the same
 * parallelism and REBALANCE otherwise (as in Flink).
 */
public final class StreamGraphGenerator {

    private final int defaultParallelism;
    private final int defaultMaxParallelism;
    private final StreamGraph graph;
    /** Translated transformations: each maps to the nodes (with pending partitioners) that feed its consumers. */
    private final Map<Transformation<?>, List<Endpoint>> translated = new HashMap<>();
    private final Map<Transformation<?>, StreamNode> nodes = new HashMap<>();

    private record Endpoint(StreamNode node, StreamPartitioner<?> partitioner, OutputTag<?> tag) {}

    private StreamGraphGenerator(String jobName, Configuration configuration, int defaultParallelism, int defaultMaxParallelism) {
        this.graph = new StreamGraph(jobName, configuration);
        this.defaultParallelism = defaultParallelism;
        this.defaultMaxParallelism = defaultMaxParallelism;
    }

    public static StreamGraph generate(
            String jobName,
            List<Transformation<?>> sinks,
            Configuration configuration,
            int defaultParallelism,
            int defaultMaxParallelism) {
        if (sinks.isEmpty()) {
            throw new IllegalStateException("No operators defined in streaming topology. Cannot execute: add a sink (print, sinkTo, writeAsText...)");
        }
        StreamGraphGenerator g = new StreamGraphGenerator(jobName, configuration, defaultParallelism, defaultMaxParallelism);
        for (Transformation<?> t : sinks) {
            g.translate(t);
        }
        return g.graph;
    }

    private List<Endpoint> translate(Transformation<?> t) {
        List<Endpoint> done = translated.get(t);
        if (done != null) {
            return done;
        }
        List<Endpoint> result;
        if (t instanceof PartitionTransformation<?> p) {
            result = new ArrayList<>();
            for (Endpoint e : translate(p.getInput())) {
                result.add(new Endpoint(e.node(), p.getPartitioner(), e.tag()));
            }
        } else if (t instanceof SideOutputTransformation<?> side) {
            result = new ArrayList<>();
            for (Endpoint e : translate(side.getInput())) {
                result.add(new Endpoint(e.node(), e.partitioner(), side.getTag()));
            }
        } else if (t instanceof UnionTransformation<?> u) {
            result = new ArrayList<>();
            for (Transformation<?> in : u.getUnionInputs()) {
                result.addAll(translate(in));
            }
        } else {
            List<List<Endpoint>> inputs = new ArrayList<>();
            for (Transformation<?> in : t.getInputs()) {
                inputs.add(translate(in));
            }
            StreamNode node = createNode(t);
            for (List<Endpoint> in : inputs) {
                for (Endpoint e : in) {
                    graph.addEdge(e.node(), node, resolvePartitioner(e, node), e.tag());
                }
            }
            result = List.of(new Endpoint(node, null, null));
        }
        translated.put(t, result);
        return result;
    }

    private StreamNode createNode(Transformation<?> t) {
        int parallelism = t.getParallelism() == Transformation.DEFAULT_PARALLELISM ? defaultParallelism : t.getParallelism();
        int maxParallelism = t.getMaxParallelism() == Transformation.DEFAULT_PARALLELISM ? defaultMaxParallelism : t.getMaxParallelism();
        if (parallelism > maxParallelism) {
            throw new IllegalArgumentException("The parallelism " + parallelism + " of operator '" + t.getName()
                    + "' exceeds its max parallelism " + maxParallelism + " (pipeline.max-parallelism)");
        }
        StreamNode node;
        if (t instanceof SourceTransformation<?> s) {
            node = new StreamNode(t.getId(), t.getName(), t.getUid(), parallelism, maxParallelism,
                    sourceOperator(s), s.getSource(), s, t.isChainingDisabled());
        } else if (t instanceof OneInputTransformation<?, ?> o) {
            node = new StreamNode(t.getId(), t.getName(), t.getUid(), parallelism, maxParallelism,
                    o.getOperator(), null, o, t.isChainingDisabled());
        } else {
            throw new IllegalStateException("Unknown transformation " + t);
        }
        graph.addNode(node);
        nodes.put(t, node);
        return node;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SourceOperator<?, ?> sourceOperator(SourceTransformation<?> s) {
        return new SourceOperator(s.getSource(), s.getWatermarkStrategy());
    }

    private StreamPartitioner<?> resolvePartitioner(Endpoint from, StreamNode to) {
        StreamPartitioner<?> p = from.partitioner();
        if (p == null) {
            return from.node().getParallelism() == to.getParallelism() ? new ForwardPartitioner<>() : new RebalancePartitioner<>();
        }
        if (p.isPointwise() && from.node().getParallelism() != to.getParallelism()) {
            throw new IllegalArgumentException("Forward partitioning does not allow a change of parallelism: '"
                    + from.node().getName() + "' has " + from.node().getParallelism() + " subtasks, '" + to.getName()
                    + "' has " + to.getParallelism() + ". Use rebalance() or shuffle() instead");
        }
        return p;
    }
}
