package org.millrace.network.netty;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * Turns outbound {@link NettyMessage}s into frames. Stateless and shared by all channels; runs on
 * each channel's I/O thread.
 */
@ChannelHandler.Sharable
final class NettyMessageEncoder extends ChannelOutboundHandlerAdapter {

    static final NettyMessageEncoder INSTANCE = new NettyMessageEncoder();

    private NettyMessageEncoder() {}

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof NettyMessage message) {
            try {
                ctx.write(message.write(ctx.alloc()), promise);
            } catch (RuntimeException e) {
                promise.tryFailure(e);
            }
        } else {
            ctx.write(msg, promise);
        }
    }
}
