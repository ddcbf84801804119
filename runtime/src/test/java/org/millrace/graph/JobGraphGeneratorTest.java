package org.millrace.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.millrace.api.DataStream;
import org.millrace.api.JobID;
import org.millrace.api.StreamExecutionEnvironment;
import org.millrace.api.eventtime.WatermarkStrategy;
import org.millrace.api.sink.Sink;
import org.millrace.api.sink.SinkWriter;
import org.millrace.api.source.SourceSplit;
import org.millrace.api.typeinfo.InvalidTypesException;
import org.millrace.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** Stream graph -> job graph: which operators chain, and how vertices connect. */
class JobGraphGeneratorTest {

    private static final Sink<Long> DISCARD = ctx -> new SinkWriter<>() {
        @Override
        public void write(Long element, Context context) {}

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
    };

    private final StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);

    private DataStream<Long> source(int splits) {
        return env.fromSource(new TestingSource(splits), WatermarkStrategy.noWatermarks(), "Source", TestingLongType.INSTANCE);
    }

    private JobGraph jobGraph() {
        return JobGraphGenerator.generate(env.getStreamGraph("test"), JobID.generate(), new Configuration());
    }

    @Test
    void forwardEdgesWithEqualParallelismAreChainedAndKeyByCutsTheChain() {
        source(4).map(x -> x + 1, TestingLongType.INSTANCE)
                .filter(x -> x > 0)
                .keyBy(x -> x % 3)
                .reduce(Long::sum)
                .sinkTo(DISCARD);

        JobGraph g = jobGraph();

        assertThat(g.getVertices()).extracting(JobVertex::getName)
                .containsExactly("Source -> Map -> Filter", "Keyed Reduce -> Sink");
        JobVertex first = g.getVertices().get(0);
        assertThat(first.isSource()).isTrue();
        assertThat(first.getOutputs()).hasSize(1);
        assertThat(first.getOutputs().get(0).getDistributionPattern()).isEqualTo(DistributionPattern.ALL_TO_ALL);
        assertThat(first.getOutputs().get(0).getTarget()).isSameAs(g.getVertices().get(1));
    }

    @Test
    void aParallelismChangeRebalancesInsteadOfChaining() {
        source(2).map(x -> x, TestingLongType.INSTANCE)
                .map(x -> x * 2, TestingLongType.INSTANCE).setParallelism(3)
                .sinkTo(DISCARD).setParallelism(3);

        JobGraph g = jobGraph();

        assertThat(g.getVertices()).extracting(JobVertex::getName).containsExactly("Source -> Map", "Map -> Sink");
        assertThat(g.getVertices()).extracting(JobVertex::getParallelism).containsExactly(2, 3);
        TaskConfig producer = config(g.getVertices().get(0));
        assertThat(producer.networkOutputs()).hasSize(1);
        assertThat(producer.networkOutputs().get(0).partitioner().toString()).isEqualTo("REBALANCE");
    }

    @Test
    void disableChainingStartsANewTaskWithAPointwiseEdge() {
        source(2).map(x -> x, TestingLongType.INSTANCE).disableChaining().sinkTo(DISCARD);

        JobGraph g = jobGraph();

        assertThat(g.getVertices()).extracting(JobVertex::getName).containsExactly("Source", "Map", "Sink");
        assertThat(g.getVertices().get(0).getOutputs().get(0).getDistributionPattern()).isEqualTo(DistributionPattern.POINTWISE);
    }

    @Test
    void aUnionInputStartsANewChain() {
        DataStream<Long> a = source(2);
        DataStream<Long> b = source(2);
        a.union(b).map(x -> x, TestingLongType.INSTANCE).sinkTo(DISCARD);

        JobGraph g = jobGraph();

        assertThat(g.getVertices()).extracting(JobVertex::getName).containsExactly("Source", "Source", "Map -> Sink");
        assertThat(g.getVertices().get(2).getInputs()).hasSize(2);
    }

    @Test
    void broadcastIsAnAllToAllEdge() {
        source(2).broadcast().map(x -> x, TestingLongType.INSTANCE).sinkTo(DISCARD);

        JobGraph g = jobGraph();

        assertThat(config(g.getVertices().get(0)).networkOutputs().get(0).partitioner().isBroadcast()).isTrue();
        assertThat(g.getVertices().get(0).getOutputs().get(0).getDistributionPattern()).isEqualTo(DistributionPattern.ALL_TO_ALL);
    }

    @Test
    void forwardWithAParallelismChangeIsRejected() {
        source(2).forward().map(x -> x, TestingLongType.INSTANCE).setParallelism(3).sinkTo(DISCARD);

        assertThatThrownBy(() -> env.getStreamGraph("test"))
                .hasMessageContaining("Forward partitioning does not allow a change of parallelism");
    }

    @Test
    void sourceSplitsAreAssignedRoundRobin() throws Exception {
        source(5).sinkTo(DISCARD);

        TaskConfig c = config(jobGraph().getVertices().get(0));

        assertThat(c.splitsPerSubtask()).hasSize(2);
        assertThat(c.splitsPerSubtask().get(0)).extracting(SourceSplit::splitId).containsExactly("0", "2", "4");
        assertThat(c.splitsPerSubtask().get(1)).extracting(SourceSplit::splitId).containsExactly("1", "3");
    }

    @Test
    void anUnknownTypeOnANetworkEdgeNamesTheOperator() {
        source(2).map(x -> List.of(x)).name("Wrap in list").rebalance().sinkTo(ctx -> null);

        assertThatThrownBy(this::jobGraph)
                .isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("Wrap in list")
                .hasMessageContaining(".returns(");
    }

    private static TaskConfig config(JobVertex v) {
        try {
            return ObjectBytes.deserialize(v.getSerializedTaskConfig(), JobGraphGeneratorTest.class.getClassLoader());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
