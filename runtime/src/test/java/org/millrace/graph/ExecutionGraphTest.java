package org.millrace.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.millrace.api.JobID;
import org.millrace.configuration.Configuration;
import org.millrace.network.ConnectionID;
import org.millrace.network.InputGateDeploymentDescriptor;
import org.millrace.task.TaskDeploymentDescriptor;
import org.junit.jupiter.api.Test;

/** Job graph -> execution graph: one vertex per subtask and the partitions and gates that connect them. */
class ExecutionGraphTest {

    private static JobGraph twoVertices(int p1, int p2, DistributionPattern pattern) {
        JobGraph g = new JobGraph(JobID.generate(), "job", new Configuration());
        JobVertex a = new JobVertex("A", p1, 128, true, new byte[0]);
        JobVertex b = new JobVertex("B", p2, 128, false, new byte[0]);
        JobEdge.connect(a, b, pattern);
        g.addVertex(a);
        g.addVertex(b);
        return g;
    }

    private static ConnectionID where(ExecutionVertexID id) {
        return new ConnectionID("tm-" + id.subtaskIndex() % 2, "localhost", 0);
    }

    @Test
    void oneExecutionVertexPerSubtaskProducersFirst() {
        ExecutionGraph eg = ExecutionGraph.build(twoVertices(2, 3, DistributionPattern.ALL_TO_ALL));

        assertThat(eg.getVerticesTopologically()).extracting(ExecutionVertex::getTaskNameWithSubtask)
                .containsExactly("A (1/2)", "A (2/2)", "B (1/3)", "B (2/3)", "B (3/3)");
    }

    @Test
    void allToAllConsumerReadsItsSubpartitionFromEveryProducer() {
        JobGraph g = twoVertices(2, 3, DistributionPattern.ALL_TO_ALL);
        ExecutionGraph eg = ExecutionGraph.build(g);
        List<ExecutionVertex> vs = eg.getVerticesTopologically();

        TaskDeploymentDescriptor producer = eg.createDeploymentDescriptor(vs.get(1), 0, ExecutionGraphTest::where);
        TaskDeploymentDescriptor consumer = eg.createDeploymentDescriptor(vs.get(4), 0, ExecutionGraphTest::where);

        assertThat(producer.producedPartitions()).hasSize(1);
        assertThat(producer.producedPartitions().get(0).numberOfSubpartitions()).isEqualTo(3);
        assertThat(producer.producedPartitions().get(0).partitionId().producerSubtask()).isEqualTo(1);
        InputGateDeploymentDescriptor gate = consumer.inputGates().get(0);
        assertThat(gate.consumedSubpartitionIndex()).isEqualTo(2);
        assertThat(gate.channels()).extracting(c -> c.partitionId().producerSubtask()).containsExactly(0, 1);
        assertThat(gate.channels()).extracting(c -> c.producerLocation().taskManagerId()).containsExactly("tm-0", "tm-1");
        assertThat(gate.channels().get(1).partitionId()).isEqualTo(producer.producedPartitions().get(0).partitionId());
    }

    @Test
    void pointwiseConsumerReadsOnlyItsOwnProducer() {
        ExecutionGraph eg = ExecutionGraph.build(twoVertices(2, 2, DistributionPattern.POINTWISE));
        List<ExecutionVertex> vs = eg.getVerticesTopologically();

        TaskDeploymentDescriptor producer = eg.createDeploymentDescriptor(vs.get(1), 3, ExecutionGraphTest::where);
        TaskDeploymentDescriptor consumer = eg.createDeploymentDescriptor(vs.get(3), 3, ExecutionGraphTest::where);

        assertThat(producer.producedPartitions().get(0).numberOfSubpartitions()).isEqualTo(1);
        InputGateDeploymentDescriptor gate = consumer.inputGates().get(0);
        assertThat(gate.consumedSubpartitionIndex()).isZero();
        assertThat(gate.channels()).hasSize(1);
        assertThat(gate.channels().get(0).partitionId()).isEqualTo(producer.producedPartitions().get(0).partitionId());
        assertThat(consumer.executionId().attemptNumber()).isEqualTo(3);
    }
}
