package org.millrace.network.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/**
 * Cuts the inbound byte stream into frames ({@code [int length][body]}) and reads each into a
 * {@link NettyMessage}. A {@link NettyMessage.BufferResponse} keeps a retained slice of its frame
 * for the payload, so the bytes are copied only once, into the receiver's network buffer. One
 * instance per channel (it holds the cumulation); runs on that channel's I/O thread.
 */
final class NettyMessageDecoder extends LengthFieldBasedFrameDecoder {

    NettyMessageDecoder(int maxFrameLength) {
        super(maxFrameLength, 0, 4, 0, 4);
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
        ByteBuf frame = (ByteBuf) super.decode(ctx, in);
        if (frame == null) {
            return null;
        }
        try {
            return NettyMessage.read(frame);
        } finally {
            frame.release();
        }
    }
}
