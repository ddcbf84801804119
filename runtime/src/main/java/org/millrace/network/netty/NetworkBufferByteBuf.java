package org.millrace.network.netty;

import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.buffer.UnpooledHeapByteBuf;
import org.millrace.network.buffer.Buffer;

/**
 * A network {@link Buffer}'s valid bytes seen as a Netty buffer, so that a data buffer is written
 * to the socket without copying it first. When Netty releases it (after the write, or when the
 * write fails or the channel closes) the network buffer is recycled to its pool, which frees the
 * producer's buffer. Created and released on the Netty I/O thread.
 */
final class NetworkBufferByteBuf extends UnpooledHeapByteBuf {

    private final Buffer buffer;

    NetworkBufferByteBuf(Buffer buffer) {
        super(UnpooledByteBufAllocator.DEFAULT, buffer.getMemory(), buffer.getMaxCapacity());
        this.buffer = buffer;
        writerIndex(buffer.getSize());
    }

    @Override
    protected void freeArray(byte[] array) {
        buffer.recycleBuffer();
    }
}
