package org.millrace.network.buffer;

/**
 * Takes back the memory segment of a {@link Buffer} whose last reference was released. Called on
 * whichever thread releases the buffer: normally the consuming task's thread (local channels) or
 * a Netty I/O thread once a buffer has been handed to the socket.
 */
@FunctionalInterface
public interface BufferRecycler {

    void recycle(byte[] segment);

    /** For unpooled buffers (events): the segment is left to the garbage collector. */
    BufferRecycler DISCARDING = segment -> {};
}
