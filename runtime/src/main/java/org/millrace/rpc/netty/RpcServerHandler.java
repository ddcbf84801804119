package org.millrace.rpc.netty;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.millrace.rpc.netty.message.RpcFrame;
import org.millrace.rpc.netty.message.RpcRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of every accepted connection: hands each request to the service, which runs it on
 * the endpoint's main thread and writes the answer back (Netty's writes are thread-safe). Shared by
 * all accepted channels; called on their I/O threads.
 */
@ChannelHandler.Sharable
final class RpcServerHandler extends SimpleChannelInboundHandler<RpcFrame> {

    private static final Logger LOG = LoggerFactory.getLogger(RpcServerHandler.class);

    private final NettyRpcService service;

    RpcServerHandler(NettyRpcService service) {
        this.service = service;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RpcFrame frame) {
        if (frame.getMessage() instanceof RpcRequest request) {
            service.serve(request, ctx.channel());
        } else {
            LOG.warn("Dropping an unexpected response from {}", ctx.channel().remoteAddress());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("Closing the RPC connection from {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
