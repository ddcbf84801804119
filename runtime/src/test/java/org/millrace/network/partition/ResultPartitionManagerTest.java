package org.millrace.network.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.graph.IntermediateDataSetID;
import org.millrace.network.ResultPartitionID;
import org.millrace.network.buffer.Buffer;
import org.millrace.network.buffer.NetworkBufferPool;

/** Subpartition requests: waiting for registration, cancellation, failures, and unregistration when consumed. */
@Timeout(60)
class ResultPartitionManagerTest {

    private final NetworkBufferPool networkBufferPool = new NetworkBufferPool(32, 128);
    private final ResultPartitionManager manager = new ResultPartitionManager();
    private ResultPartitionID partitionId;

    @BeforeEach
    void setUp() {
        partitionId = new ResultPartitionID(IntermediateDataSetID.random(), 0, 0);
    }

    private ResultPartition newPartition(int subpartitions) throws IOException {
        return new ResultPartition("producer", partitionId, subpartitions,
                networkBufferPool.createBufferPool(subpartitions + 1, subpartitions + 1), manager);
    }

    private static Buffer dataBuffer(ResultPartition partition, int size) {
        Buffer buffer = partition.requestBuffer();
        buffer.setSize(size);
        return buffer;
    }

    @Test
    void when_requestPrecedesRegistration_then_itIsServedOnRegistrationWithQueuedData() throws IOException {
        TestingSubpartitionRequestListener listener = new TestingSubpartitionRequestListener();
        manager.requestSubpartition(partitionId, 1, listener);
        assertThat(listener.createdViews).isEmpty();
        assertThat(manager.getNumberOfPendingRequests()).isEqualTo(1);

        ResultPartition partition = newPartition(2);
        partition.addBuffer(dataBuffer(partition, 10), 1);
        manager.registerResultPartition(partition);

        assertThat(manager.getNumberOfPendingRequests()).isZero();
        assertThat(listener.createdViews).hasSize(1);
        ResultSubpartitionView view = listener.createdViews.get(0);
        assertThat(listener.notifiedViews).as("data queued before the view existed is announced once").containsExactly(view);
        BufferAndBacklog next = view.getNextBuffer();
        assertThat(next.buffer().getSize()).isEqualTo(10);
        assertThat(next.moreAvailable()).isFalse();
        assertThat(next.buffersInBacklog()).isZero();
        next.buffer().recycleBuffer();

        // Empty -> non-empty notifies; a second buffer behind the first does not.
        partition.addBuffer(dataBuffer(partition, 1), 1);
        partition.addBuffer(dataBuffer(partition, 2), 1);
        assertThat(listener.notifiedViews).hasSize(2);
        BufferAndBacklog first = view.getNextBuffer();
        assertThat(first.moreAvailable()).isTrue();
        assertThat(first.buffersInBacklog()).isEqualTo(1);
        first.buffer().recycleBuffer();
        view.getNextBuffer().buffer().recycleBuffer();
        assertThat(view.getNextBuffer()).isNull();
        view.releaseAllResources();
        partition.finish();
        partition.close();
    }

    @Test
    void when_waitingRequestIsCancelled_then_registrationDoesNotServeIt() throws IOException {
        TestingSubpartitionRequestListener listener = new TestingSubpartitionRequestListener();
        manager.requestSubpartition(partitionId, 0, listener);
        manager.cancelRequest(partitionId, 0, listener);
        assertThat(manager.getNumberOfPendingRequests()).isZero();
        ResultPartition partition = newPartition(1);
        manager.registerResultPartition(partition);
        assertThat(listener.createdViews).isEmpty();
        assertThat(listener.failures).isEmpty();
        partition.close();
    }

    @Test
    void when_subpartitionIsRequestedTwice_then_theSecondRequestFails() throws IOException {
        ResultPartition partition = newPartition(1);
        manager.registerResultPartition(partition);
        TestingSubpartitionRequestListener first = new TestingSubpartitionRequestListener();
        TestingSubpartitionRequestListener second = new TestingSubpartitionRequestListener();
        manager.requestSubpartition(partitionId, 0, first);
        manager.requestSubpartition(partitionId, 0, second);
        assertThat(first.createdViews).hasSize(1);
        assertThat(second.failures).singleElement().satisfies(
                t -> assertThat(t).hasMessageContaining("already has a consumer"));
        partition.close();
    }

    @Test
    void when_partitionIsReleased_then_consumerIsNotifiedAndViewReportsTheCause() throws IOException {
        ResultPartition partition = newPartition(1);
        manager.registerResultPartition(partition);
        TestingSubpartitionRequestListener listener = new TestingSubpartitionRequestListener();
        manager.requestSubpartition(partitionId, 0, listener);
        partition.addBuffer(dataBuffer(partition, 5), 0);
        assertThat(partition.getBufferPool().getNumberOfAvailableSegments()).isZero();

        RuntimeException cause = new RuntimeException("task failed");
        manager.releasePartition(partitionId, cause);
        ResultSubpartitionView view = listener.createdViews.get(0);
        assertThat(listener.notifiedViews).hasSize(2);
        assertThat(view.getNextBuffer()).as("queued data is dropped").isNull();
        assertThat(view.isReleased()).isTrue();
        assertThat(view.getFailureCause()).isSameAs(cause);
        assertThat(manager.isRegistered(partitionId)).isFalse();

        TestingSubpartitionRequestListener late = new TestingSubpartitionRequestListener();
        manager.requestSubpartition(partitionId, 0, late);
        assertThat(late.createdViews).isEmpty();
        manager.cancelRequest(partitionId, 0, late);
        partition.close();
        assertThat(networkBufferPool.getNumberOfAvailableSegments()).isEqualTo(32);
    }

    @Test
    void when_everySubpartitionIsConsumed_then_partitionIsUnregistered() throws IOException {
        ResultPartition partition = newPartition(2);
        manager.registerResultPartition(partition);
        TestingSubpartitionRequestListener l0 = new TestingSubpartitionRequestListener();
        TestingSubpartitionRequestListener l1 = new TestingSubpartitionRequestListener();
        manager.requestSubpartition(partitionId, 0, l0);
        manager.requestSubpartition(partitionId, 1, l1);
        partition.finish();
        partition.close();
        l0.createdViews.get(0).releaseAllResources();
        assertThat(manager.isRegistered(partitionId)).isTrue();
        l1.createdViews.get(0).releaseAllResources();
        assertThat(manager.isRegistered(partitionId)).isFalse();
        assertThat(networkBufferPool.getNumberOfAvailableSegments()).isEqualTo(32);
    }

    @Test
    void when_managerShutsDown_then_waitingRequestsFailAndPartitionsAreReleased() throws IOException {
        ResultPartition partition = newPartition(1);
        manager.registerResultPartition(partition);
        TestingSubpartitionRequestListener waiting = new TestingSubpartitionRequestListener();
        manager.requestSubpartition(new ResultPartitionID(IntermediateDataSetID.random(), 0, 0), 0, waiting);
        manager.shutdown();
        assertThat(waiting.failures).hasSize(1);
        assertThat(partition.isReleased()).isTrue();
        assertThat(manager.getNumberOfRegisteredPartitions()).isZero();
        partition.close();
        assertThat(networkBufferPool.getNumberOfAvailableSegments()).isEqualTo(32);
    }
}
