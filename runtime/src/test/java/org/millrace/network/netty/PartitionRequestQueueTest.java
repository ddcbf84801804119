package org.millrace.network.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.millrace.graph.IntermediateDataSetID;
import org.millrace.network.ResultPartitionID;
import org.millrace.network.api.EndOfPartitionEvent;
import org.millrace.network.api.EventSerializer;
import org.millrace.network.buffer.Buffer;
import org.millrace.network.buffer.NetworkBufferPool;
import org.millrace.network.consumer.InputChannelID;
import org.millrace.network.partition.ResultPartition;
import org.millrace.network.partition.ResultPartitionManager;
import org.millrace.network.partition.ResultSubpartitionView;
import org.millrace.types.ByteArrays;

/**
 * The sender's half of the credit protocol, on a deterministic {@link EmbeddedChannel}: a data
 * buffer goes out only against credit, events bypass credit, a producer's release reaches the
 * consumer as an error, and a full socket stops the writer until it drains.
 */
class PartitionRequestQueueTest {

    private final ResultPartitionID partitionId = new ResultPartitionID(IntermediateDataSetID.random(), 0, 0);
    private final InputChannelID receiverId = InputChannelID.random();
    private final NetworkBufferPool networkBufferPool = new NetworkBufferPool(64, 128);
    private final ResultPartitionManager partitionManager = new ResultPartitionManager();
    private ResultPartition partition;
    private PartitionRequestQueue queue;
    private EmbeddedChannel channel;

    @BeforeEach
    void setUp() throws Exception {
        partition = new ResultPartition("producer", partitionId, 1, networkBufferPool.createBufferPool(2, 16),
                partitionManager);
        partitionManager.registerResultPartition(partition);
        queue = new PartitionRequestQueue();
        channel = new EmbeddedChannel(new PartitionRequestServerHandler(partitionManager, queue), queue);
    }

    @AfterEach
    void tearDown() {
        channel.finishAndReleaseAll();
        partitionManager.shutdown();
        partition.close();
        assertThat(networkBufferPool.getNumberOfAvailableSegments()).as("leaked segments").isEqualTo(64);
    }

    @Test
    void when_consumerHasNoCredit_then_noDataBufferIsSent_andEachCreditReleasesOneBuffer() throws Exception {
        addDataBuffers(0, 3);
        request(0);

        assertThat(readAll()).isEmpty();
        assertThat(queue.getReader(receiverId).getNumCreditsAvailable()).isZero();
        assertThat(partition.getNumberOfQueuedBuffers(0)).isEqualTo(3);

        channel.writeInbound(new NettyMessage.AddCredit(receiverId, 2));
        channel.runPendingTasks();
        List<NettyMessage.BufferResponse> sent = readAll();
        assertThat(sent).extracting(r -> r.sequenceNumber).containsExactly(0, 1);
        assertThat(sent).extracting(r -> r.backlog).containsExactly(2, 1);
        assertThat(sent).extracting(r -> ByteArrays.getInt(r.buffer.getMemory(), 0)).containsExactly(0, 1);
        recycle(sent);
        assertThat(queue.getReader(receiverId).getNumCreditsAvailable()).isZero();
        assertThat(readAll()).as("third buffer without credit").isEmpty();

        channel.writeInbound(new NettyMessage.AddCredit(receiverId, 1));
        channel.runPendingTasks();
        sent = readAll();
        assertThat(sent).extracting(r -> r.sequenceNumber).containsExactly(2);
        recycle(sent);
    }

    @Test
    void when_initialCreditCoversSomeBuffers_then_exactlyThoseAreSent_andLaterDataWaitsForCredit() throws Exception {
        request(2);
        addDataBuffers(0, 1);
        channel.runPendingTasks();
        List<NettyMessage.BufferResponse> first = readAll();
        assertThat(first).extracting(r -> r.backlog).containsExactly(0);
        recycle(first);
        addDataBuffers(1, 3);
        channel.runPendingTasks();
        List<NettyMessage.BufferResponse> sent = readAll();
        assertThat(sent).extracting(r -> ByteArrays.getInt(r.buffer.getMemory(), 0)).containsExactly(1);
        assertThat(partition.getNumberOfQueuedBuffers(0)).isEqualTo(2);
        recycle(sent);
    }

    @Test
    void when_noCredit_then_endOfPartitionStillGoesOut_andTheSubpartitionIsReleased() throws Exception {
        request(0);
        partition.finish();
        channel.runPendingTasks();

        List<NettyMessage.BufferResponse> sent = readAll();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).isEvent).isTrue();
        assertThat(EventSerializer.fromBuffer(sent.get(0).buffer)).isEqualTo(EndOfPartitionEvent.INSTANCE);
        assertThat(queue.getNumberOfReaders()).isZero();
        assertThat(partitionManager.isRegistered(partitionId)).as("partition consumed").isFalse();
    }

    @Test
    void when_dataIsQueuedBeforeTheEvent_then_theEventWaitsBehindIt() throws Exception {
        addDataBuffers(0, 1);
        request(0);
        partition.finish();
        channel.runPendingTasks();
        assertThat(readAll()).isEmpty();

        channel.writeInbound(new NettyMessage.AddCredit(receiverId, 1));
        channel.runPendingTasks();
        List<NettyMessage.BufferResponse> sent = readAll();
        assertThat(sent).extracting(r -> r.isEvent).containsExactly(false, true);
        recycle(sent);
    }

    @Test
    void when_creditWouldGoNegative_then_theReaderFailsFast() throws Exception {
        CreditBasedViewReader reader = new CreditBasedViewReader(receiverId, partitionId, 0, 0, partitionManager, queue);
        ResultSubpartitionView view = partition.createSubpartitionView(0, v -> {});
        addDataBuffers(0, 1);
        reader.attachView(view, true);

        assertThat(reader.isAvailable()).isFalse();
        assertThatThrownBy(reader::getNextBuffer).isInstanceOf(IllegalStateException.class).hasMessageContaining("no credit");
        view.releaseAllResources();
    }

    @Test
    void when_producerReleasesThePartition_then_theConsumerGetsAPartitionReleasedError() {
        request(1);
        partition.release(new RuntimeException("producer failed"));
        channel.runPendingTasks();

        List<Object> sent = readAllMessages();
        assertThat(sent).hasSize(1);
        NettyMessage.ErrorResponse error = (NettyMessage.ErrorResponse) sent.get(0);
        assertThat(error.receiverId).isEqualTo(receiverId);
        assertThat(error.partitionReleased).isTrue();
        assertThat(error.message).contains("producer failed");
        assertThat(queue.getNumberOfReaders()).isZero();
    }

    @Test
    void when_subpartitionDoesNotExist_then_theRequestFails() {
        channel.writeInbound(new NettyMessage.PartitionRequest(partitionId, 7, receiverId, 2));
        channel.runPendingTasks();
        NettyMessage.ErrorResponse error = (NettyMessage.ErrorResponse) channel.readOutbound();
        assertThat(error.partitionReleased).isFalse();
        assertThat(error.message).contains("does not exist");
    }

    @Test
    void when_socketIsNotWritable_then_buffersStayQueuedWithCredit_untilItDrains() throws Exception {
        blockChannel();
        request(4);
        addDataBuffers(0, 4);
        channel.runPendingTasks();
        assertThat(channel.outboundMessages()).isEmpty();
        assertThat(partition.getNumberOfQueuedBuffers(0)).isEqualTo(4);
        assertThat(queue.getReader(receiverId).getNumCreditsAvailable()).isEqualTo(4);

        channel.flush(); // the socket drains: writability returns and the queue writes on
        channel.runPendingTasks();
        assertThat(channel.<ByteBuf>readOutbound().release()).isTrue();
        List<NettyMessage.BufferResponse> sent = readAll();
        assertThat(sent).extracting(r -> r.sequenceNumber).containsExactly(0, 1, 2, 3);
        recycle(sent);
    }

    /** Writes, without flushing, more than the high watermark, so the channel stays unwritable. */
    private void blockChannel() {
        int highWaterMark = channel.config().getWriteBufferHighWaterMark();
        channel.write(Unpooled.buffer(highWaterMark + 1).writerIndex(highWaterMark + 1));
        assertThat(channel.isWritable()).isFalse();
    }

    @Test
    void when_consumerCancels_then_theViewIsReleased_andLateCreditIsIgnored() throws Exception {
        addDataBuffers(0, 2);
        request(0);
        channel.writeInbound(new NettyMessage.CancelPartitionRequest(receiverId));
        channel.writeInbound(new NettyMessage.AddCredit(receiverId, 5));
        channel.runPendingTasks();
        assertThat(readAll()).isEmpty();
        assertThat(queue.getNumberOfReaders()).isZero();
        assertThat(partition.getNumberOfQueuedBuffers(0)).as("queued buffers dropped with the view").isZero();
    }

    // ------------------------------------------------------------------------

    private void request(int initialCredit) {
        channel.writeInbound(new NettyMessage.PartitionRequest(partitionId, 0, receiverId, initialCredit));
        channel.runPendingTasks();
    }

    private void addDataBuffers(int firstValue, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            Buffer buffer = partition.requestBuffer();
            ByteArrays.putInt(buffer.getMemory(), 0, firstValue + i);
            buffer.setSize(4);
            partition.addBuffer(buffer, 0);
        }
    }

    private List<NettyMessage.BufferResponse> readAll() {
        List<NettyMessage.BufferResponse> responses = new ArrayList<>();
        for (Object message : readAllMessages()) {
            responses.add((NettyMessage.BufferResponse) message);
        }
        return responses;
    }

    private List<Object> readAllMessages() {
        List<Object> messages = new ArrayList<>();
        for (Object message = channel.readOutbound(); message != null; message = channel.readOutbound()) {
            messages.add(message);
        }
        return messages;
    }

    private static void recycle(List<NettyMessage.BufferResponse> responses) {
        for (NettyMessage.BufferResponse response : responses) {
            response.release();
        }
    }
}
