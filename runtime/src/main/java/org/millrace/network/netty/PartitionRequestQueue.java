package org.millrace.network.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import org.millrace.network.api.EndOfPartitionEvent;
import org.millrace.network.api.EventSerializer;
import org.millrace.network.buffer.Buffer;
import org.millrace.network.consumer.InputChannelID;
import org.millrace.network.partition.BufferAndBacklog;
import org.millrace.network.partition.ResultSubpartitionView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer side of one connection: the readers of all channels served on it, and the loop that
 * writes their buffers while the socket is writable. A reader with data and credit (or an event)
 * waits in a FIFO queue; readers take turns buffer by buffer. Buffers are written without flushing
 * and flushed once per loop; when the socket's outbound buffer passes its high watermark the loop
 * stops and resumes on {@link #channelWritabilityChanged}.
 *
 * <p>Threads: all state belongs to the connection's I/O thread. Producer-side threads hand
 * notifications over with {@link #execute}; the server handler calls in on the I/O thread.
 */
final class PartitionRequestQueue extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionRequestQueue.class);

    /** I/O thread only. */
    private final ArrayDeque<CreditBasedViewReader> availableReaders = new ArrayDeque<>();

    /** I/O thread only: every reader of this connection that is not released. */
    private final Map<InputChannelID, CreditBasedViewReader> allReaders = new HashMap<>();

    /** Set on the I/O thread when the handler is added, before any message arrives; read by notifying threads. */
    private volatile ChannelHandlerContext ctx;

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    /** Runs {@code task} on the I/O thread; dropped if the connection's event loop is gone. Any thread. */
    void execute(Runnable task) {
        try {
            ctx.executor().execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("Dropped a notification for a closed connection", e);
        }
    }

    // ------------------------------------------------------------------------
    //  Called on the I/O thread (server handler and handed-over notifications)
    // ------------------------------------------------------------------------

    void registerReader(CreditBasedViewReader reader) {
        CreditBasedViewReader previous = allReaders.putIfAbsent(reader.getReceiverId(), reader);
        if (previous != null) {
            throw new IllegalStateException("channel " + reader.getReceiverId() + " requested a subpartition twice");
        }
    }

    void onViewAvailable(CreditBasedViewReader reader, ResultSubpartitionView view, boolean hasData) {
        if (allReaders.get(reader.getReceiverId()) != reader || !reader.attachView(view, hasData)) {
            view.releaseAllResources(); // the consumer cancelled while the request was being answered
            return;
        }
        enqueueIfAvailable(reader);
        writeAndFlushNextMessagesIfPossible();
    }

    void onRequestFailed(CreditBasedViewReader reader, Throwable cause) {
        if (allReaders.remove(reader.getReceiverId(), reader)) {
            ctx.writeAndFlush(new NettyMessage.ErrorResponse(reader.getReceiverId(), false,
                    "Request of " + reader.getPartitionId() + " failed: " + cause), ctx.voidPromise());
        }
    }

    void addCredit(InputChannelID receiverId, int credit) {
        CreditBasedViewReader reader = allReaders.get(receiverId);
        if (reader == null) {
            return; // already finished or cancelled; credit may cross the end-of-partition on the wire
        }
        reader.addCredit(credit);
        enqueueIfAvailable(reader);
        writeAndFlushNextMessagesIfPossible();
    }

    void cancel(InputChannelID receiverId) {
        CreditBasedViewReader reader = allReaders.remove(receiverId);
        if (reader != null) {
            availableReaders.remove(reader);
            reader.registeredAsAvailable = false;
            reader.releaseAllResources();
        }
    }

    /** Releases every reader of this connection (consumer closed it, or it broke). */
    void releaseAllResources() {
        availableReaders.clear();
        for (CreditBasedViewReader reader : new ArrayList<>(allReaders.values())) {
            reader.releaseAllResources();
        }
        allReaders.clear();
    }

    int getNumberOfReaders() {
        return allReaders.size();
    }

    CreditBasedViewReader getReader(InputChannelID receiverId) {
        return allReaders.get(receiverId);
    }

    private void enqueueIfAvailable(CreditBasedViewReader reader) {
        if (!reader.registeredAsAvailable && reader.isAvailable()) {
            reader.registeredAsAvailable = true;
            availableReaders.add(reader);
        }
    }

    // ------------------------------------------------------------------------
    //  Network I/O
    // ------------------------------------------------------------------------

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) throws Exception {
        writeAndFlushNextMessagesIfPossible();
        super.channelWritabilityChanged(context);
    }

    private void writeAndFlushNextMessagesIfPossible() {
        Channel channel = ctx.channel();
        boolean wrote = false;
        while (channel.isWritable()) {
            CreditBasedViewReader reader = availableReaders.poll();
            if (reader == null) {
                break;
            }
            reader.registeredAsAvailable = false;
            wrote |= writeNext(reader);
        }
        if (wrote) {
            ctx.flush();
        }
    }

    /** Writes the reader's next buffer or its release; requeues it if it has more. Returns whether it wrote. */
    private boolean writeNext(CreditBasedViewReader reader) {
        BufferAndBacklog next = reader.getNextBuffer();
        if (next == null) {
            if (!reader.isReleasedByProducer()) {
                return false;
            }
            allReaders.remove(reader.getReceiverId());
            reader.releaseAllResources();
            ctx.write(new NettyMessage.ErrorResponse(reader.getReceiverId(), true,
                    "Partition " + reader.getPartitionId() + " was released: " + reader.getFailureCause()),
                    ctx.voidPromise());
            return true;
        }
        Buffer buffer = next.buffer();
        // Decided before the write: a written buffer may be recycled at once.
        boolean endOfPartition = !buffer.isBuffer() && isEndOfPartition(buffer);
        ctx.write(new NettyMessage.BufferResponse(buffer, reader.getReceiverId(), reader.nextSequenceNumber(),
                next.buffersInBacklog()), ctx.voidPromise());
        if (endOfPartition) {
            // Nothing follows end-of-partition: the subpartition is consumed as far as we are concerned.
            allReaders.remove(reader.getReceiverId());
            reader.releaseAllResources();
        } else {
            enqueueIfAvailable(reader);
        }
        return true;
    }

    private static boolean isEndOfPartition(Buffer event) {
        try {
            return EventSerializer.fromBuffer(event) instanceof EndOfPartitionEvent;
        } catch (IOException e) {
            throw new IllegalStateException("corrupt event buffer in a subpartition", e);
        }
    }

    // ------------------------------------------------------------------------
    //  Life cycle (I/O thread)
    // ------------------------------------------------------------------------

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        releaseAllResources();
        super.channelInactive(context);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        LOG.warn("Closing connection to {} after an error", context.channel().remoteAddress(), cause);
        context.writeAndFlush(new NettyMessage.ErrorResponse(null, false, "Producer TaskManager failed: " + cause))
                .addListener(future -> context.close());
        releaseAllResources();
    }
}
