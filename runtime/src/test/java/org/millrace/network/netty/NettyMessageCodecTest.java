package org.millrace.network.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.millrace.graph.IntermediateDataSetID;
import org.millrace.network.ResultPartitionID;
import org.millrace.network.buffer.Buffer;
import org.millrace.network.consumer.InputChannelID;

/** Every message survives encoding and framing, even when the stream arrives in small pieces. */
class NettyMessageCodecTest {

    private final InputChannelID receiverId = InputChannelID.random();
    private final ResultPartitionID partitionId = new ResultPartitionID(IntermediateDataSetID.random(), 3, 1);

    @Test
    void when_messagesArriveInSevenByteChunks_then_eachIsDecodedWithAllItsFields() {
        byte[] payload = new byte[300];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 7);
        }
        List<byte[]> recycled = new ArrayList<>();
        Buffer data = new Buffer(payload, recycled::add, Buffer.DataType.DATA_BUFFER, 200);

        ByteBuf stream = Unpooled.buffer();
        EmbeddedChannel sender = new EmbeddedChannel(NettyMessageEncoder.INSTANCE);
        sender.writeOutbound(new NettyMessage.PartitionRequest(partitionId, 5, receiverId, 2),
                new NettyMessage.BufferResponse(data, receiverId, 42, 9),
                new NettyMessage.AddCredit(receiverId, 3),
                new NettyMessage.CancelPartitionRequest(receiverId),
                new NettyMessage.ErrorResponse(receiverId, true, "released: boom"),
                new NettyMessage.ErrorResponse(null, false, "fatal"),
                new NettyMessage.CloseRequest());
        for (ByteBuf frame = sender.readOutbound(); frame != null; frame = sender.readOutbound()) {
            stream.writeBytes(frame);
            frame.release();
        }
        assertThat(recycled).as("the network buffer is recycled once its frame is released").containsExactly(payload);

        EmbeddedChannel receiver = new EmbeddedChannel(new NettyMessageDecoder(1 << 16));
        while (stream.isReadable()) {
            receiver.writeInbound(stream.readRetainedSlice(Math.min(7, stream.readableBytes())));
        }
        stream.release();

        NettyMessage.PartitionRequest request = receiver.readInbound();
        assertThat(request.partitionId).isEqualTo(partitionId);
        assertThat(request.subpartitionIndex).isEqualTo(5);
        assertThat(request.receiverId).isEqualTo(receiverId);
        assertThat(request.credit).isEqualTo(2);

        NettyMessage.BufferResponse response = receiver.readInbound();
        assertThat(response.receiverId).isEqualTo(receiverId);
        assertThat(response.sequenceNumber).isEqualTo(42);
        assertThat(response.backlog).isEqualTo(9);
        assertThat(response.isEvent).isFalse();
        assertThat(response.size).isEqualTo(200);
        byte[] received = new byte[200];
        response.payload.readBytes(received);
        assertThat(received).isEqualTo(java.util.Arrays.copyOf(payload, 200));
        response.release();

        NettyMessage.AddCredit credit = receiver.readInbound();
        assertThat(credit.receiverId).isEqualTo(receiverId);
        assertThat(credit.credit).isEqualTo(3);
        assertThat(((NettyMessage.CancelPartitionRequest) receiver.readInbound()).receiverId).isEqualTo(receiverId);
        NettyMessage.ErrorResponse error = receiver.readInbound();
        assertThat(error.receiverId).isEqualTo(receiverId);
        assertThat(error.partitionReleased).isTrue();
        assertThat(error.message).isEqualTo("released: boom");
        NettyMessage.ErrorResponse fatal = receiver.readInbound();
        assertThat(fatal.isFatal()).isTrue();
        assertThat(fatal.message).isEqualTo("fatal");
        assertThat((Object) receiver.readInbound()).isInstanceOf(NettyMessage.CloseRequest.class);
        assertThat((Object) receiver.readInbound()).isNull();
        assertThat(receiver.finish()).isFalse();
    }
}
