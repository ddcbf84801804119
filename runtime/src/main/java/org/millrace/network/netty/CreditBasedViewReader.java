package org.millrace.network.netty;

import org.millrace.network.ResultPartitionID;
import org.millrace.network.consumer.InputChannelID;
import org.millrace.network.partition.BufferAndBacklog;
import org.millrace.network.partition.ResultPartitionProvider;
import org.millrace.network.partition.ResultSubpartitionView;
import org.millrace.network.partition.SubpartitionRequestListener;

/**
 * The producer side of one remote channel: reads a subpartition view for the consumer's
 * {@code receiverId} and keeps the sender's half of the credit protocol. A data buffer is taken
 * from the view only while the consumer has credit, one credit per buffer; events need none.
 *
 * <p>Threads: the request answer and data notifications arrive on producer-side threads and are
 * handed to the connection's I/O thread through {@link PartitionRequestQueue}; all other methods
 * and all fields belong to that I/O thread.
 */
final class CreditBasedViewReader implements SubpartitionRequestListener {

    private final InputChannelID receiverId;
    private final ResultPartitionID partitionId;
    private final int subpartitionIndex;
    private final ResultPartitionProvider partitionProvider;
    private final PartitionRequestQueue queue;

    /** I/O thread only: set by the request answer or the first data notification. */
    private ResultSubpartitionView view;

    /** I/O thread only: data buffers the consumer can take now. */
    private int numCreditsAvailable;

    /** I/O thread only: sequence number of the next message sent for this channel. */
    private int sequenceNumber;

    /** I/O thread only: the view may have something (notified, or more was left after the last poll). */
    private boolean dataAvailable;

    /** I/O thread only: whether this reader sits in the queue's available readers. */
    boolean registeredAsAvailable;

    /** I/O thread only. */
    private boolean released;

    CreditBasedViewReader(InputChannelID receiverId, ResultPartitionID partitionId, int subpartitionIndex, int initialCredit,
            ResultPartitionProvider partitionProvider, PartitionRequestQueue queue) {
        if (initialCredit < 0) {
            throw new IllegalArgumentException("negative initial credit " + initialCredit);
        }
        this.receiverId = receiverId;
        this.partitionId = partitionId;
        this.subpartitionIndex = subpartitionIndex;
        this.numCreditsAvailable = initialCredit;
        this.partitionProvider = partitionProvider;
        this.queue = queue;
    }

    InputChannelID getReceiverId() {
        return receiverId;
    }

    ResultPartitionID getPartitionId() {
        return partitionId;
    }

    void requestSubpartition() {
        partitionProvider.requestSubpartition(partitionId, subpartitionIndex, this);
    }

    // ------------------------------------------------------------------------
    //  Request answers and data notifications (producer-side threads)
    // ------------------------------------------------------------------------

    @Override
    public void onSubpartitionViewCreated(ResultSubpartitionView createdView) {
        queue.execute(() -> queue.onViewAvailable(this, createdView, false));
    }

    @Override
    public void notifyDataAvailable(ResultSubpartitionView notifyingView) {
        queue.execute(() -> queue.onViewAvailable(this, notifyingView, true));
    }

    @Override
    public void onPartitionRequestFailed(Throwable cause) {
        queue.execute(() -> queue.onRequestFailed(this, cause));
    }

    // ------------------------------------------------------------------------
    //  Credit-based sending (I/O thread)
    // ------------------------------------------------------------------------

    /** Attaches the view (first one wins); false if this reader was released meanwhile. */
    boolean attachView(ResultSubpartitionView attached, boolean hasData) {
        if (released) {
            return false;
        }
        if (view == null) {
            view = attached;
        }
        dataAvailable |= hasData;
        return true;
    }

    void addCredit(int credit) {
        numCreditsAvailable += credit;
    }

    int getNumCreditsAvailable() {
        return numCreditsAvailable;
    }

    /**
     * Whether a poll could send something now: data with credit, an event (no credit needed), or
     * the producer's release, which is reported to the consumer.
     */
    boolean isAvailable() {
        if (view == null || released || !dataAvailable) {
            return false;
        }
        return numCreditsAvailable > 0 || view.isNextBufferEvent() || view.isReleased();
    }

    /** The next buffer or event to send, or null; takes one credit for a data buffer. */
    BufferAndBacklog getNextBuffer() {
        BufferAndBacklog next = view.getNextBuffer();
        if (next == null) {
            dataAvailable = false;
            return null;
        }
        dataAvailable = next.moreAvailable();
        if (next.buffer().isBuffer()) {
            if (numCreditsAvailable <= 0) {
                next.buffer().recycleBuffer();
                throw new IllegalStateException("no credit available for channel " + receiverId + " of " + partitionId);
            }
            numCreditsAvailable--;
        }
        return next;
    }

    int nextSequenceNumber() {
        return sequenceNumber++;
    }

    /** The producer released the partition (its consumer must fail), as opposed to a finished read. */
    boolean isReleasedByProducer() {
        return view != null && view.isReleased() && !released;
    }

    Throwable getFailureCause() {
        return view == null ? null : view.getFailureCause();
    }

    /** Releases the view, or withdraws the request if it is still waiting for its partition. Idempotent. */
    void releaseAllResources() {
        if (released) {
            return;
        }
        released = true;
        if (view != null) {
            view.releaseAllResources();
        } else {
            partitionProvider.cancelRequest(partitionId, subpartitionIndex, this);
        }
    }

    @Override
    public String toString() {
        return "CreditBasedViewReader{" + receiverId + ", " + partitionId + "#" + subpartitionIndex
                + ", credit=" + numCreditsAvailable + "}";
    }
}
