package org.millrace.network.consumer;

import java.io.IOException;
import org.millrace.network.ResultPartitionID;
import org.millrace.network.partition.BufferAndBacklog;
import org.millrace.network.partition.PartitionReleasedException;
import org.millrace.network.partition.ResultPartitionProvider;
import org.millrace.network.partition.ResultSubpartitionView;
import org.millrace.network.partition.SubpartitionRequestListener;

/**
 * An input channel that reads a subpartition through memory, polling the producer's queue
 * directly: the producer's buffers are read in place and recycled into the producer's pool, so the
 * producer's bounded pool is this channel's flow control (no credit needed). Used for producers on
 * the same TaskManager and, until the Netty transport exists, for producers on other TaskManagers in
 * the same JVM (the {@code partitionProvider} is then the other TaskManager's partition manager).
 *
 * <p>Threads: polled by the consuming task's thread; the view arrives and data notifications come
 * on producer-side threads; release comes from the consumer (or a canceller).
 */
public final class LocalInputChannel extends InputChannel implements SubpartitionRequestListener {

    private final ResultPartitionProvider partitionProvider;

    /** Set once, by the first of view creation or first data notification (any thread); read by the consumer. */
    private volatile ResultSubpartitionView subpartitionView;

    /** Set by the thread that answers the request; read by the consumer. */
    private volatile Throwable requestFailure;

    // @GuardedBy("this")
    private boolean released;

    public LocalInputChannel(
            SingleInputGate inputGate,
            int channelIndex,
            ResultPartitionID partitionId,
            int consumedSubpartitionIndex,
            ResultPartitionProvider partitionProvider) {
        super(inputGate, channelIndex, partitionId, consumedSubpartitionIndex);
        this.partitionProvider = partitionProvider;
    }

    @Override
    protected void requestSubpartition() {
        partitionProvider.requestSubpartition(partitionId, consumedSubpartitionIndex, this);
    }

    @Override
    protected BufferAndBacklog getNextBuffer() throws IOException {
        ResultSubpartitionView view = subpartitionView;
        if (view == null) {
            Throwable failure = requestFailure;
            if (failure instanceof PartitionReleasedException released) {
                throw released;
            }
            if (failure != null) {
                throw new IOException("Request of subpartition " + consumedSubpartitionIndex + " of partition "
                        + partitionId + " failed", failure);
            }
            return null;
        }
        BufferAndBacklog next = view.getNextBuffer();
        if (next == null && view.isReleased()) {
            throw new PartitionReleasedException(partitionId, view.getFailureCause());
        }
        return next;
    }

    // ------------------------------------------------------------------------
    //  Request answers and data notifications (producer-side threads)
    // ------------------------------------------------------------------------

    @Override
    public void onSubpartitionViewCreated(ResultSubpartitionView view) {
        attachView(view);
    }

    @Override
    public void notifyDataAvailable(ResultSubpartitionView view) {
        attachView(view);
        notifyChannelNonEmpty();
    }

    @Override
    public void onPartitionRequestFailed(Throwable cause) {
        requestFailure = cause;
        notifyChannelNonEmpty();
    }

    private void attachView(ResultSubpartitionView view) {
        if (subpartitionView == view) {
            return;
        }
        boolean releaseNow;
        synchronized (this) {
            if (subpartitionView == null) {
                subpartitionView = view;
            }
            releaseNow = released;
        }
        // The channel was released while the request was being answered: give the view back.
        if (releaseNow) {
            view.releaseAllResources();
        }
    }

    @Override
    protected void releaseAllResources() {
        ResultSubpartitionView view;
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
            view = subpartitionView;
        }
        if (view != null) {
            view.releaseAllResources();
        } else {
            partitionProvider.cancelRequest(partitionId, consumedSubpartitionIndex, this);
        }
    }

    synchronized boolean isReleased() {
        return released;
    }
}
