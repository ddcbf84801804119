package org.millrace.network.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
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
import org.millrace.network.buffer.BufferRecycler;
import org.millrace.network.buffer.NetworkBufferPool;
import org.millrace.network.consumer.BufferOrEvent;
import org.millrace.network.consumer.RemoteInputChannel;
import org.millrace.network.consumer.SingleInputGate;
import org.millrace.network.partition.PartitionReleasedException;
import org.millrace.types.ByteArrays;

/**
 * The consumer end of a connection on an {@link EmbeddedChannel}: buffers are routed by receiver
 * id into the channel's own buffers, data beyond credit and errors fail the channel, and a closed
 * connection fails every channel on it. The channel's credit goes out as {@code AddCredit} on the
 * connection once the task recycles.
 */
class CreditBasedPartitionRequestClientHandlerTest {

    private final NetworkBufferPool networkBufferPool = new NetworkBufferPool(16, 128);
    private final ResultPartitionID partitionId = new ResultPartitionID(IntermediateDataSetID.random(), 0, 0);
    private final CreditBasedPartitionRequestClientHandler handler = new CreditBasedPartitionRequestClientHandler();
    private EmbeddedChannel connection;
    private SingleInputGate gate;
    private RemoteInputChannel channel;

    @BeforeEach
    void setUp() throws Exception {
        connection = new EmbeddedChannel(NettyMessageEncoder.INSTANCE, new NettyMessageDecoder(1 << 16), handler);
        NettyPartitionRequestClient client = new NettyPartitionRequestClient(connection, handler);
        gate = new SingleInputGate("consumer", partitionId.dataSetId(), 0, 1);
        gate.setBufferPool(networkBufferPool.createBufferPool(1, 1));
        channel = new RemoteInputChannel(gate, 0, partitionId, 0, new ConnectionID("tm-1", "localhost", 1),
                location -> CompletableFuture.completedFuture(client), 1);
        gate.setInputChannel(channel);
        channel.assignExclusiveSegments(Duration.ofSeconds(10));
        gate.requestPartitions();
        connection.runPendingTasks();
        NettyMessage.PartitionRequest request = decodeOutbound();
        assertThat(request.credit).isEqualTo(1);
    }

    @AfterEach
    void tearDown() {
        gate.close();
        connection.finishAndReleaseAll();
        assertThat(networkBufferPool.getNumberOfAvailableSegments()).as("leaked segments").isEqualTo(16);
    }

    @Test
    void when_aBufferArrives_then_itIsCopiedIntoTheChannelsBuffer_andRecyclingSendsTheCreditBack() throws Exception {
        receive(data(77), 0, 0);
        BufferOrEvent next = gate.pollNext();
        assertThat(ByteArrays.getInt(next.buffer().getMemory(), 0)).isEqualTo(77);
        assertThat(channel.getNumberOfFreeBuffers()).isZero();

        next.buffer().recycleBuffer();
        connection.runPendingTasks();
        NettyMessage.AddCredit credit = decodeOutbound();
        assertThat(credit.receiverId).isEqualTo(channel.getInputChannelId());
        assertThat(credit.credit).isEqualTo(1);
    }

    @Test
    void when_aDataBufferArrivesWithoutCredit_then_theChannelFails() {
        receive(data(1), 0, 0);
        receive(data(2), 1, 0);
        assertThatThrownBy(gate::pollNext).isInstanceOf(IOException.class).hasMessageContaining("without credit");
    }

    @Test
    void when_theProducerReportsARelease_then_theChannelFailsWithPartitionReleased() {
        connection.writeInbound(encode(new NettyMessage.ErrorResponse(channel.getInputChannelId(), true, "producer died")));
        assertThatThrownBy(gate::pollNext).isInstanceOf(PartitionReleasedException.class)
                .hasMessageContaining("producer died");
    }

    @Test
    void when_theConnectionCloses_then_everyChannelOnItFails() {
        connection.close();
        assertThatThrownBy(gate::pollNext).isInstanceOf(IOException.class).hasMessageContaining("was closed");
        assertThat(handler.getNumberOfInputChannels()).isZero();
    }

    // ------------------------------------------------------------------------

    private static Buffer data(int value) {
        byte[] bytes = new byte[4];
        ByteArrays.putInt(bytes, 0, value);
        return new Buffer(bytes, BufferRecycler.DISCARDING, Buffer.DataType.DATA_BUFFER, 4);
    }

    private void receive(Buffer buffer, int sequenceNumber, int backlog) {
        connection.writeInbound(encode(new NettyMessage.BufferResponse(buffer, channel.getInputChannelId(),
                sequenceNumber, backlog)));
    }

    private ByteBuf encode(NettyMessage message) {
        return message.write(connection.alloc());
    }

    @SuppressWarnings("unchecked")
    private <T extends NettyMessage> T decodeOutbound() {
        ByteBuf frame = connection.readOutbound();
        try {
            frame.skipBytes(4);
            return (T) NettyMessage.read(frame);
        } finally {
            frame.release();
        }
    }
}
