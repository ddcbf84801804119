package org.millrace.network.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.millrace.graph.IntermediateDataSetID;
import org.millrace.network.ConnectionID;
import org.millrace.network.ResultPartitionID;
import org.millrace.network.buffer.Buffer;
import org.millrace.network.buffer.LocalBufferPool;
import org.millrace.network.buffer.NetworkBufferPool;
import org.millrace.network.partition.PartitionReleasedException;
import org.millrace.types.ByteArrays;

/**
 * The receiver's half of the credit protocol, driven by hand (the test thread plays both the task
 * and the I/O thread): credit is the number of free buffers, it returns when the task recycles,
 * floating buffers follow the sender's backlog, and protocol violations fail the channel.
 */
class RemoteInputChannelTest {

    private static final int EXCLUSIVE = 2;
    private static final int FLOATING = 2;

    private final NetworkBufferPool networkBufferPool = new NetworkBufferPool(32, 128);
    private final TestingPartitionRequestClient client = new TestingPartitionRequestClient();
    private final ResultPartitionID partitionId = new ResultPartitionID(IntermediateDataSetID.random(), 0, 0);
    private SingleInputGate gate;
    private LocalBufferPool gatePool;
    private RemoteInputChannel channel;

    @BeforeEach
    void setUp() throws Exception {
        gate = new SingleInputGate("consumer", partitionId.dataSetId(), 0, 1);
        gatePool = networkBufferPool.createBufferPool(EXCLUSIVE + FLOATING, EXCLUSIVE + FLOATING);
        gate.setBufferPool(gatePool);
        channel = new RemoteInputChannel(gate, 0, partitionId, 0, new ConnectionID("tm-1", "localhost", 1),
                location -> CompletableFuture.completedFuture(client), EXCLUSIVE);
        gate.setInputChannel(channel);
        channel.assignExclusiveSegments(Duration.ofSeconds(10));
        gate.requestPartitions();
    }

    @AfterEach
    void tearDown() {
        gate.close();
        assertThat(networkBufferPool.getNumberOfAvailableSegments()).as("leaked segments").isEqualTo(32);
        assertThat(networkBufferPool.getNumberOfReservedSegments()).isZero();
    }

    @Test
    void when_requested_then_initialCreditIsTheExclusiveBuffers_andThereIsNoBufferBeyondIt() {
        assertThat(client.initialCredit).isEqualTo(EXCLUSIVE);
        deliver(0, 0, 10);
        deliver(1, 0, 11);
        assertThat(channel.requestBuffer()).as("a third buffer without credit").isNull();
        assertThat(channel.getNumberOfFreeBuffers()).isZero();
    }

    @Test
    void when_taskRecyclesBuffers_then_creditReturns_announcedOncePerBatch() throws Exception {
        deliver(0, 0, 10);
        deliver(1, 0, 11);
        Buffer first = gate.pollNext().buffer();
        Buffer second = gate.pollNext().buffer();
        assertThat(ByteArrays.getInt(first.getMemory(), 0)).isEqualTo(10);
        assertThat(ByteArrays.getInt(second.getMemory(), 0)).isEqualTo(11);
        assertThat(client.creditNotifications).isZero();

        first.recycleBuffer();
        second.recycleBuffer();
        assertThat(client.creditNotifications).as("the I/O thread is woken once").isEqualTo(1);
        assertThat(channel.getAndResetUnannouncedCredit()).isEqualTo(2);
        assertThat(channel.getNumberOfFreeBuffers()).isEqualTo(EXCLUSIVE);

        deliver(2, 0, 12);
        gate.pollNext().buffer().recycleBuffer();
        assertThat(client.creditNotifications).isEqualTo(2);
        assertThat(channel.getAndResetUnannouncedCredit()).isEqualTo(1);
    }

    @Test
    void when_senderHasBacklog_then_floatingBuffersAddCredit_andGoBackToTheGateWhenNoLongerNeeded() throws Exception {
        deliver(0, 3, 10); // one exclusive buffer left free, three buffers waiting at the sender
        assertThat(channel.getNumberOfFreeBuffers()).as("1 exclusive + all floating").isEqualTo(1 + FLOATING);
        assertThat(gatePool.getNumberOfAvailableSegments()).isZero();
        assertThat(channel.getUnannouncedCredit()).isEqualTo(FLOATING);
        assertThat(client.creditNotifications).isEqualTo(1);

        deliver(1, 2, 11);
        deliver(2, 1, 12);
        deliver(3, 0, 13);
        for (int i = 0; i < 4; i++) {
            gate.pollNext().buffer().recycleBuffer();
        }
        assertThat(channel.getNumberOfFreeBuffers()).isEqualTo(EXCLUSIVE);
        assertThat(gatePool.getNumberOfAvailableSegments()).as("floating buffers back in the gate pool").isEqualTo(FLOATING);
    }

    @Test
    void when_aSequenceNumberIsSkipped_then_theChannelFails() {
        deliver(0, 0, 10);
        deliver(2, 0, 12);
        assertThatThrownBy(gate::pollNext).isInstanceOf(IOException.class).hasMessageContaining("sequence gap");
    }

    @Test
    void when_producerReleasedThePartition_then_theTaskSeesPartitionReleased() {
        channel.onError(new PartitionReleasedException(partitionId, new IOException("producer failed")));
        assertThatThrownBy(gate::pollNext).isInstanceOf(PartitionReleasedException.class)
                .hasMessageContaining("producer failed");
    }

    @Test
    void when_gateClosesWhileTheTaskHoldsABuffer_then_theRequestIsCancelled_andTheBufferGoesBackOnRecycle() throws Exception {
        deliver(0, 0, 10);
        deliver(1, 0, 11);
        Buffer held = gate.pollNext().buffer();
        gate.close();
        assertThat(client.cancelled).isTrue();
        assertThat(networkBufferPool.getNumberOfAvailableSegments()).isEqualTo(31);
        held.recycleBuffer();
        assertThat(client.creditNotifications).as("no credit for a released channel").isZero();
    }

    private void deliver(int sequenceNumber, int backlog, int value) {
        Buffer buffer = channel.requestBuffer();
        ByteArrays.putInt(buffer.getMemory(), 0, value);
        buffer.setSize(4);
        channel.onBuffer(buffer, sequenceNumber, backlog);
    }

    /** Records what the channel asks of its connection. */
    private static final class TestingPartitionRequestClient implements PartitionRequestClient {
        int initialCredit = -1;
        int creditNotifications;
        boolean cancelled;

        @Override
        public void requestSubpartition(RemoteInputChannel inputChannel, int credit) {
            initialCredit = credit;
        }

        @Override
        public void notifyCreditAvailable(RemoteInputChannel inputChannel) {
            creditNotifications++;
        }

        @Override
        public void cancelRequest(RemoteInputChannel inputChannel) {
            cancelled = true;
        }
    }
}
