package org.millrace.network.buffer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.millrace.network.util.AvailabilityHelper;

/**
 * The bounded buffer pool of one result partition, or of an input gate's remote channels, drawn from the TaskManager's {@link NetworkBufferPool}: it is guaranteed
 * {@code minSegments} and grows lazily up to {@code maxSegments}. Segments of recycled buffers
 * stay here for reuse, so in steady state a request and a recycle touch only this pool's lock.
 *
 * <p>Bounding the producer's pool is what makes local exchange back-pressured: when all its
 * buffers sit in subpartition queues, the producer gets no buffer until a consumer recycles one.
 *
 * <p>Requesting: {@link #requestBuffer()} never blocks and returns null when nothing is free;
 * {@link #getAvailableFuture()} completes when a request would succeed again.
 * {@link #requestBufferBlocking()} waits (interruptibly) and is meant for a record that needs more
 * buffers than are free; it also wakes up, with {@link BufferPoolDestroyedException}, when the pool
 * is destroyed.
 *
 * <p>Thread safety: requests come from the owning task's thread; recycles from the thread that
 * finished with a buffer (the consumer's task thread, or a Netty I/O thread); destruction from the
 * owning task or from whoever releases the partition. All state is guarded by
 * {@link #availableSegments}, which is also the monitor blocked requesters wait on. Availability
 * futures are completed after that lock is released.
 */
public final class LocalBufferPool implements BufferRecycler {

    private final NetworkBufferPool networkBufferPool;
    private final int minSegments;
    private final int maxSegments;

    /** Idle segments owned by this pool; also the pool's lock. */
    // @GuardedBy("availableSegments")
    private final ArrayDeque<byte[]> availableSegments = new ArrayDeque<>();

    /** Segments taken from the network pool and not yet given back (idle or in use). */
    // @GuardedBy("availableSegments")
    private int numberOfRequestedSegments;

    // @GuardedBy("availableSegments")
    private boolean destroyed;

    /** Reset and completed under {@link #availableSegments}; read anywhere. */
    private final AvailabilityHelper availability = new AvailabilityHelper();

    LocalBufferPool(NetworkBufferPool networkBufferPool, int minSegments, int maxSegments) {
        this.networkBufferPool = networkBufferPool;
        this.minSegments = minSegments;
        this.maxSegments = maxSegments;
    }

    public int getMinSegments() {
        return minSegments;
    }

    public int getMaxSegments() {
        return maxSegments;
    }

    public int getBufferSize() {
        return networkBufferPool.getSegmentSize();
    }

    // ------------------------------------------------------------------------
    //  Requests (owning task's thread)
    // ------------------------------------------------------------------------

    /** A free buffer (size 0), or null if none is free now. */
    public Buffer requestBuffer() {
        byte[] segment;
        synchronized (availableSegments) {
            segment = requestSegment();
        }
        return segment == null ? null : new Buffer(segment, this, Buffer.DataType.DATA_BUFFER, 0);
    }

    /** A free buffer, waiting until one is recycled. */
    public Buffer requestBufferBlocking() throws InterruptedException {
        synchronized (availableSegments) {
            for (;;) {
                byte[] segment = requestSegment();
                if (segment != null) {
                    return new Buffer(segment, this, Buffer.DataType.DATA_BUFFER, 0);
                }
                // No lost wake-up: recycle, global notification and destroy all take this lock first.
                availableSegments.wait();
            }
        }
    }

    // @GuardedBy("availableSegments")
    private byte[] requestSegment() {
        if (destroyed) {
            throw new BufferPoolDestroyedException("buffer pool is destroyed (partition released or closed)");
        }
        byte[] segment = availableSegments.poll();
        if (segment == null && numberOfRequestedSegments < maxSegments) {
            segment = networkBufferPool.requestSegment(this, numberOfRequestedSegments < minSegments);
            if (segment != null) {
                numberOfRequestedSegments++;
            }
        }
        // Report unavailability as soon as the last buffer is handed out, not on the next failed
        // request, so a task stops taking input before it would have to block.
        if (availableSegments.isEmpty() && !canGrow()) {
            availability.resetUnavailable();
        }
        return segment;
    }

    // @GuardedBy("availableSegments")
    private boolean canGrow() {
        return numberOfRequestedSegments < maxSegments
                && networkBufferPool.hasSegmentForOrRegister(this, numberOfRequestedSegments < minSegments);
    }

    public boolean isAvailable() {
        return availability.isAvailable();
    }

    /** Completes when a buffer can be requested without waiting (or the pool is destroyed). */
    public CompletableFuture<Void> getAvailableFuture() {
        return availability.getAvailableFuture();
    }

    // ------------------------------------------------------------------------
    //  Recycling (consumer / I/O threads) and notifications
    // ------------------------------------------------------------------------

    @Override
    public void recycle(byte[] segment) {
        boolean returnToNetworkPool;
        CompletableFuture<Void> toComplete = null;
        synchronized (availableSegments) {
            returnToNetworkPool = destroyed || (numberOfRequestedSegments > minSegments && networkBufferPool.needsSegmentsBack());
            if (returnToNetworkPool) {
                numberOfRequestedSegments--;
            } else {
                availableSegments.add(segment);
                toComplete = availability.getUnavailableToResetAvailable();
                availableSegments.notifyAll();
            }
        }
        // Outside our lock: the network pool notifies other pools, which take their own locks.
        if (returnToNetworkPool) {
            networkBufferPool.recycle(segment);
        }
        AvailabilityHelper.complete(toComplete);
    }

    /** The network pool has segments again; called without the network pool's lock. */
    void onGlobalSegmentsAvailable() {
        CompletableFuture<Void> toComplete;
        synchronized (availableSegments) {
            if (destroyed) {
                return;
            }
            toComplete = availability.getUnavailableToResetAvailable();
            availableSegments.notifyAll();
        }
        AvailabilityHelper.complete(toComplete);
    }

    // ------------------------------------------------------------------------
    //  Life cycle
    // ------------------------------------------------------------------------

    /**
     * Destroys the pool: idle segments and the reservation go back to the network pool now, buffers
     * still in use when they are recycled. Blocked and future requests fail with
     * {@link BufferPoolDestroyedException}. Idempotent; any thread.
     */
    public void lazyDestroy() {
        List<byte[]> idle;
        int unfulfilled;
        CompletableFuture<Void> toComplete;
        synchronized (availableSegments) {
            if (destroyed) {
                return;
            }
            destroyed = true;
            unfulfilled = Math.max(0, minSegments - numberOfRequestedSegments);
            idle = new ArrayList<>(availableSegments);
            availableSegments.clear();
            numberOfRequestedSegments -= idle.size();
            // Waiters wake up and see the destroyed state.
            toComplete = availability.getUnavailableToResetAvailable();
            availableSegments.notifyAll();
        }
        networkBufferPool.onPoolDestroyed(this, idle, minSegments, unfulfilled);
        AvailabilityHelper.complete(toComplete);
    }

    public boolean isDestroyed() {
        synchronized (availableSegments) {
            return destroyed;
        }
    }

    /** Segments taken from the network pool and not given back yet (idle or in use). */
    public int getNumberOfRequestedSegments() {
        synchronized (availableSegments) {
            return numberOfRequestedSegments;
        }
    }

    /** Idle segments held by this pool. */
    public int getNumberOfAvailableSegments() {
        synchronized (availableSegments) {
            return availableSegments.size();
        }
    }

    @Override
    public String toString() {
        synchronized (availableSegments) {
            return "LocalBufferPool{min=" + minSegments + ", max=" + maxSegments + ", requested="
                    + numberOfRequestedSegments + ", idle=" + availableSegments.size()
                    + (destroyed ? ", destroyed" : "") + "}";
        }
    }
}
