package org.millrace.network.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.millrace.network.partition.ResultPartitionProvider;

/**
 * Dispatches what a consumer TaskManager sends on one connection: subpartition requests become
 * {@link CreditBasedViewReader}s of the {@link PartitionRequestQueue}, credit and cancellations go
 * to their reader. One instance per connection; runs on its I/O thread.
 */
final class PartitionRequestServerHandler extends SimpleChannelInboundHandler<NettyMessage> {

    private final ResultPartitionProvider partitionProvider;
    private final PartitionRequestQueue queue;

    PartitionRequestServerHandler(ResultPartitionProvider partitionProvider, PartitionRequestQueue queue) {
        this.partitionProvider = partitionProvider;
        this.queue = queue;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, NettyMessage message) {
        if (message instanceof NettyMessage.PartitionRequest request) {
            CreditBasedViewReader reader = new CreditBasedViewReader(request.receiverId, request.partitionId,
                    request.subpartitionIndex, request.credit, partitionProvider, queue);
            queue.registerReader(reader);
            // The answer may come now or when the producer registers; either way via the I/O thread.
            reader.requestSubpartition();
        } else if (message instanceof NettyMessage.AddCredit addCredit) {
            queue.addCredit(addCredit.receiverId, addCredit.credit);
        } else if (message instanceof NettyMessage.CancelPartitionRequest cancel) {
            queue.cancel(cancel.receiverId);
        } else if (message instanceof NettyMessage.CloseRequest) {
            queue.releaseAllResources();
            ctx.close();
        } else {
            throw new IllegalStateException("unexpected message from a consumer: " + message.getClass().getSimpleName());
        }
    }
}
