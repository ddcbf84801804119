package org.millrace.network.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import org.millrace.network.buffer.Buffer;
import org.millrace.network.buffer.BufferRecycler;
import org.millrace.network.consumer.InputChannelID;
import org.millrace.network.consumer.RemoteInputChannel;
import org.millrace.network.partition.PartitionReleasedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer side of one connection: routes each {@link NettyMessage.BufferResponse} to its
 * {@link RemoteInputChannel} by receiver id, copying data into a free buffer of the channel (one
 * the channel announced as credit), and turns errors and a broken connection into channel failures.
 *
 * <p>Threads: {@link #channelRead} and the life-cycle callbacks run on the connection's I/O thread;
 * channels are added and removed by task threads, hence the concurrent map.
 */
final class CreditBasedPartitionRequestClientHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(CreditBasedPartitionRequestClientHandler.class);

    private final ConcurrentHashMap<InputChannelID, RemoteInputChannel> inputChannels = new ConcurrentHashMap<>();

    /** Written by the I/O thread when the connection breaks; read by task threads adding channels. */
    private volatile Throwable connectionFailure;

    void addInputChannel(RemoteInputChannel channel) {
        inputChannels.put(channel.getInputChannelId(), channel);
        Throwable failure = connectionFailure;
        if (failure != null) {
            // The connection broke before this channel got here: it would never hear from it.
            inputChannels.remove(channel.getInputChannelId());
            channel.onError(failure);
        }
    }

    void removeInputChannel(RemoteInputChannel channel) {
        inputChannels.remove(channel.getInputChannelId(), channel);
    }

    boolean hasInputChannel(RemoteInputChannel channel) {
        return inputChannels.get(channel.getInputChannelId()) == channel;
    }

    int getNumberOfInputChannels() {
        return inputChannels.size();
    }

    // ------------------------------------------------------------------------
    //  Network I/O notifications (called by the network I/O thread)
    // ------------------------------------------------------------------------

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof NettyMessage.BufferResponse response) {
            try {
                onBufferResponse(response);
            } finally {
                response.release();
            }
        } else if (msg instanceof NettyMessage.ErrorResponse error) {
            onErrorResponse(ctx, error);
        } else {
            LOG.warn("Unexpected message from producer {}: {}", ctx.channel().remoteAddress(), msg);
        }
    }

    private void onBufferResponse(NettyMessage.BufferResponse response) {
        RemoteInputChannel channel = inputChannels.get(response.receiverId);
        if (channel == null) {
            return; // released or cancelled; the producer stops once it sees the cancellation
        }
        Buffer buffer;
        if (response.isEvent) {
            byte[] event = new byte[response.size];
            buffer = new Buffer(event, BufferRecycler.DISCARDING, Buffer.DataType.EVENT_BUFFER, response.size);
        } else {
            buffer = channel.requestBuffer();
            if (buffer == null) {
                channel.onError(new IllegalStateException("Received a data buffer without credit on " + channel));
                return;
            }
            buffer.setSize(response.size);
        }
        response.payload.getBytes(response.payload.readerIndex(), buffer.getMemory(), 0, response.size);
        channel.onBuffer(buffer, response.sequenceNumber, response.backlog);
    }

    private void onErrorResponse(ChannelHandlerContext ctx, NettyMessage.ErrorResponse error) {
        if (error.isFatal()) {
            failAllChannels(new RemoteTransportException("Producer TaskManager at " + ctx.channel().remoteAddress()
                    + " failed: " + error.message));
            ctx.close();
            return;
        }
        RemoteInputChannel channel = inputChannels.remove(error.receiverId);
        if (channel == null) {
            return;
        }
        RemoteTransportException remote = new RemoteTransportException(error.message);
        channel.onError(error.partitionReleased ? new PartitionReleasedException(channel.getPartitionId(), remote) : remote);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        SocketAddress remote = ctx.channel().remoteAddress();
        failAllChannels(new RemoteTransportException("Connection to producer TaskManager at " + remote + " was closed"));
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("Closing connection to producer {} after an error", ctx.channel().remoteAddress(), cause);
        failAllChannels(new RemoteTransportException("Connection to producer TaskManager at "
                + ctx.channel().remoteAddress() + " failed: " + cause, cause));
        ctx.close();
    }

    private void failAllChannels(Throwable cause) {
        if (connectionFailure == null) {
            connectionFailure = cause;
        }
        for (RemoteInputChannel channel : new ArrayList<>(inputChannels.values())) {
            channel.onError(cause);
        }
        inputChannels.clear();
    }
}
