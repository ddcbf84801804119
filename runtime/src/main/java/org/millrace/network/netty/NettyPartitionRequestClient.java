package org.millrace.network.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.concurrent.RejectedExecutionException;
import org.millrace.network.consumer.PartitionRequestClient;
import org.millrace.network.consumer.RemoteInputChannel;

/**
 * The one connection from this TaskManager to a producer TaskManager, multiplexing all remote
 * channels that read from it. Task threads and recycling threads call it; every write is handed to
 * the connection's I/O thread, in call order, so a channel's request always precedes its credit.
 */
final class NettyPartitionRequestClient implements PartitionRequestClient {

    private final Channel channel;
    private final CreditBasedPartitionRequestClientHandler handler;

    NettyPartitionRequestClient(Channel channel, CreditBasedPartitionRequestClientHandler handler) {
        this.channel = channel;
        this.handler = handler;
    }

    @Override
    public void requestSubpartition(RemoteInputChannel inputChannel, int initialCredit) {
        handler.addInputChannel(inputChannel);
        channel.writeAndFlush(new NettyMessage.PartitionRequest(inputChannel.getPartitionId(),
                inputChannel.getConsumedSubpartitionIndex(), inputChannel.getInputChannelId(), initialCredit))
                .addListener((ChannelFutureListener) future -> {
                    if (!future.isSuccess()) {
                        handler.removeInputChannel(inputChannel);
                        inputChannel.onError(new RemoteTransportException("Sending the partition request for "
                                + inputChannel + " failed", future.cause()));
                    }
                });
    }

    @Override
    public void notifyCreditAvailable(RemoteInputChannel inputChannel) {
        try {
            channel.eventLoop().execute(() -> {
                // Read on the I/O thread, so that credits recycled meanwhile go out in this one message.
                int credit = inputChannel.getAndResetUnannouncedCredit();
                if (credit > 0 && handler.hasInputChannel(inputChannel)) {
                    channel.writeAndFlush(new NettyMessage.AddCredit(inputChannel.getInputChannelId(), credit),
                            channel.voidPromise());
                }
            });
        } catch (RejectedExecutionException e) {
            // The connection is shut down; its channels have been failed.
        }
    }

    @Override
    public void cancelRequest(RemoteInputChannel inputChannel) {
        handler.removeInputChannel(inputChannel);
        if (channel.isActive()) {
            channel.writeAndFlush(new NettyMessage.CancelPartitionRequest(inputChannel.getInputChannelId()),
                    channel.voidPromise());
        }
    }

    Channel getChannel() {
        return channel;
    }

    CreditBasedPartitionRequestClientHandler getHandler() {
        return handler;
    }
}
