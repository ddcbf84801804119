package org.millrace.rpc.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.millrace.rpc.netty.message.RpcFrame;

/**
 * One length-delimited Netty frame to one Avro {@link RpcFrame} and back. Stateless, so one instance
 * is shared by every channel; it runs on the channels' I/O threads.
 */
@ChannelHandler.Sharable
final class RpcFrameCodec extends MessageToMessageCodec<ByteBuf, RpcFrame> {

    static final RpcFrameCodec INSTANCE = new RpcFrameCodec();

    private static final SpecificDatumWriter<RpcFrame> WRITER = new SpecificDatumWriter<>(RpcFrame.class);
    private static final SpecificDatumReader<RpcFrame> READER = new SpecificDatumReader<>(RpcFrame.class);

    @Override
    protected void encode(ChannelHandlerContext ctx, RpcFrame frame, List<Object> out) throws IOException {
        ByteBuf buf = ctx.alloc().buffer();
        try {
            write(frame, new ByteBufOutputStream(buf));
        } catch (IOException | RuntimeException e) {
            buf.release();
            throw e;
        }
        out.add(buf);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf buf, List<Object> out) throws IOException {
        out.add(read(new ByteBufInputStream(buf)));
    }

    static void write(RpcFrame frame, OutputStream out) throws IOException {
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        WRITER.write(frame, encoder);
        encoder.flush();
    }

    static RpcFrame read(InputStream in) throws IOException {
        BinaryDecoder decoder = DecoderFactory.get().directBinaryDecoder(in, null);
        return READER.read(null, decoder);
    }
}
