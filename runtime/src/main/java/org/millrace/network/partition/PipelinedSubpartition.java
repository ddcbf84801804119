package org.millrace.network.partition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.millrace.network.buffer.Buffer;

/**
 * One consumer subtask's share of a result partition: a queue of finished buffers and events,
 * handed from the producing task's thread to the consuming side.
 *
 * <p>The hand-off: the producer appends a finished buffer under {@link #buffers}' lock (one lock
 * per subpartition, taken once per buffer, never per record); the consumer polls under the same
 * lock, which also publishes the buffer's contents. The consumer is notified only on the
 * transition from empty to non-empty: a poll reports whether more is queued, and a consumer that
 * was told "no more" waits for the next notification instead of polling. So an idle consumer
 * never spins, and a busy producer does not notify per buffer.
 *
 * <p>Threads: {@link #add} from the producer; {@link #pollBuffer} from the consumer;
 * release from the consumer (view released) or from whoever releases the partition.
 */
final class PipelinedSubpartition {

    private final ResultPartition parent;
    private final int index;

    /** The queue, and the lock of everything below. */
    // @GuardedBy("buffers")
    private final ArrayDeque<Buffer> buffers = new ArrayDeque<>();

    /** Data buffers (not events) in {@link #buffers}. */
    // @GuardedBy("buffers")
    private int buffersInBacklog;

    // @GuardedBy("buffers")
    private PipelinedSubpartitionView readView;

    /** End-of-partition was added; nothing may follow. */
    // @GuardedBy("buffers")
    private boolean finished;

    // @GuardedBy("buffers")
    private boolean released;

    /** Why the producer side released this subpartition; null if the consumer released it. */
    // @GuardedBy("buffers")
    private Throwable failureCause;

    PipelinedSubpartition(ResultPartition parent, int index) {
        this.parent = parent;
        this.index = index;
    }

    int getIndex() {
        return index;
    }

    ResultPartition getParent() {
        return parent;
    }

    /**
     * Appends a finished buffer or event (producer thread). If the consumer is already gone the
     * buffer is recycled and false returned, so a producer never blocks on a departed consumer.
     */
    boolean add(Buffer buffer, boolean isEndOfPartition) {
        boolean accepted;
        boolean afterEnd;
        PipelinedSubpartitionView toNotify = null;
        synchronized (buffers) {
            accepted = !released && !finished;
            afterEnd = !released && finished;
            if (accepted) {
                buffers.add(buffer);
                if (buffer.isBuffer()) {
                    buffersInBacklog++;
                }
                finished = isEndOfPartition;
                // Notify only on empty -> non-empty; see the class comment.
                toNotify = buffers.size() == 1 ? readView : null;
            }
        }
        if (!accepted) {
            buffer.recycleBuffer(); // outside the lock: recycling takes the pool's lock
            if (afterEnd) {
                throw new IllegalStateException("subpartition " + index + " of " + parent.getPartitionId()
                        + " already has end-of-partition");
            }
            return false;
        }
        if (toNotify != null) {
            toNotify.notifyDataAvailable();
        }
        return true;
    }

    /** The next buffer or event, or null (consumer thread). */
    BufferAndBacklog pollBuffer() {
        synchronized (buffers) {
            Buffer buffer = buffers.poll();
            if (buffer == null) {
                return null;
            }
            if (buffer.isBuffer()) {
                buffersInBacklog--;
            }
            Buffer next = buffers.peek();
            return new BufferAndBacklog(buffer, next != null, buffersInBacklog, next != null && !next.isBuffer());
        }
    }

    /** Creates the one read view; notifies {@code listener} at once if data is already queued. */
    PipelinedSubpartitionView createReadView(BufferAvailabilityListener listener) throws PartitionReleasedException {
        PipelinedSubpartitionView view;
        boolean hasData;
        synchronized (buffers) {
            if (released) {
                throw new PartitionReleasedException(parent.getPartitionId(), failureCause);
            }
            if (readView != null) {
                throw new IllegalStateException("subpartition " + index + " of " + parent.getPartitionId()
                        + " already has a consumer");
            }
            view = new PipelinedSubpartitionView(this, listener);
            readView = view;
            hasData = !buffers.isEmpty();
        }
        // Data added from now on notifies the view itself (empty -> non-empty); data queued before
        // the view existed is announced here, once.
        if (hasData) {
            view.notifyDataAvailable();
        }
        return view;
    }

    /** The consumer released its view: drop what is queued and count this subpartition as consumed. */
    void onViewReleased() {
        List<Buffer> toRecycle;
        synchronized (buffers) {
            if (released) {
                return;
            }
            released = true;
            toRecycle = drainQueue();
        }
        recycleAll(toRecycle);
        parent.onConsumedSubpartition();
    }

    /** The producer side released the partition: drop what is queued and wake the consumer. */
    void release(Throwable cause) {
        List<Buffer> toRecycle;
        PipelinedSubpartitionView toNotify;
        synchronized (buffers) {
            if (released) {
                return;
            }
            released = true;
            failureCause = cause;
            toRecycle = drainQueue();
            toNotify = readView;
        }
        recycleAll(toRecycle);
        // The consumer polls, finds nothing, sees the release and fails.
        if (toNotify != null) {
            toNotify.notifyDataAvailable();
        }
    }

    // @GuardedBy("buffers")
    private List<Buffer> drainQueue() {
        List<Buffer> drained = new ArrayList<>(buffers);
        buffers.clear();
        buffersInBacklog = 0;
        return drained;
    }

    private static void recycleAll(List<Buffer> toRecycle) {
        for (Buffer buffer : toRecycle) {
            buffer.recycleBuffer();
        }
    }

    boolean isReleased() {
        synchronized (buffers) {
            return released;
        }
    }

    boolean isNextBufferEvent() {
        synchronized (buffers) {
            Buffer next = buffers.peek();
            return next != null && !next.isBuffer();
        }
    }

    Throwable getFailureCause() {
        synchronized (buffers) {
            return failureCause;
        }
    }

    /** Unsafe by design: a hint for metrics and tests. */
    @SuppressWarnings("FieldAccessNotGuarded")
    int unsynchronizedGetNumberOfQueuedBuffers() {
        return buffers.size();
    }

    int getNumberOfQueuedBuffers() {
        synchronized (buffers) {
            return buffers.size();
        }
    }

    @Override
    public String toString() {
        return "PipelinedSubpartition#" + index + " of " + parent.getPartitionId();
    }
}
