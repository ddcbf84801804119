package org.millrace.network.buffer;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TaskManager's network memory: a fixed number of fixed-size segments, allocated once at
 * start-up, lent to the {@link LocalBufferPool}s of its result partitions and of its input
 * gates' remote channels.
 *
 * <p>Each local pool reserves its minimum when it is created ({@link #createBufferPool} fails if
 * the minimums no longer fit), so a pool can always get back to its minimum; segments above the
 * minimum are lent only from what no reservation needs. A pool that holds segments above its
 * minimum gives them back on recycle as soon as some other pool is short of its reservation.
 *
 * <p>Thread safety: called by task threads (creating pools, requesting and recycling through their
 * local pools) and by the TaskManager when it shuts down. All state is guarded by {@link #lock}.
 * Lock order: a local pool's lock may be held when calling into this pool; this pool never calls a
 * local pool while holding {@link #lock} (waiting pools are notified after it is released).
 */
public final class NetworkBufferPool {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkBufferPool.class);

    private final int segmentSize;
    private final int totalNumberOfSegments;

    private final Object lock = new Object();

    /** Segments not lent to any local pool. */
    // @GuardedBy("lock")
    private final ArrayDeque<byte[]> availableSegments;

    /** Sum of the minimums of all live local pools. */
    // @GuardedBy("lock")
    private int numberOfReservedSegments;

    /** Sum over live local pools of (minimum - segments it holds), where positive. */
    // @GuardedBy("lock")
    private int numberOfUnfulfilledReservations;

    /** Local pools that found no segment here and want to hear when one comes back. */
    // @GuardedBy("lock")
    private final Set<LocalBufferPool> waitingPools = new LinkedHashSet<>();

    // @GuardedBy("lock")
    private boolean destroyed;

    public NetworkBufferPool(int numberOfSegments, int segmentSize) {
        if (numberOfSegments < 1 || segmentSize < 1) {
            throw new IllegalArgumentException("need at least one segment of at least one byte, got "
                    + numberOfSegments + " x " + segmentSize);
        }
        this.segmentSize = segmentSize;
        this.totalNumberOfSegments = numberOfSegments;
        this.availableSegments = new ArrayDeque<>(numberOfSegments);
        for (int i = 0; i < numberOfSegments; i++) {
            availableSegments.add(new byte[segmentSize]);
        }
        LOG.info("Allocated {} network buffers of {} bytes ({} MiB)", numberOfSegments, segmentSize,
                (long) numberOfSegments * segmentSize >> 20);
    }

    public int getSegmentSize() {
        return segmentSize;
    }

    public int getTotalNumberOfSegments() {
        return totalNumberOfSegments;
    }

    public int getNumberOfAvailableSegments() {
        synchronized (lock) {
            return availableSegments.size();
        }
    }

    public int getNumberOfReservedSegments() {
        synchronized (lock) {
            return numberOfReservedSegments;
        }
    }

    /**
     * Creates a local pool that is guaranteed {@code minSegments} and may grow to
     * {@code maxSegments}. Fails if the minimums of all live pools would exceed the total.
     */
    public LocalBufferPool createBufferPool(int minSegments, int maxSegments) throws IOException {
        if (minSegments < 1 || maxSegments < minSegments) {
            throw new IllegalArgumentException("invalid pool size [" + minSegments + ", " + maxSegments + "]");
        }
        synchronized (lock) {
            if (destroyed) {
                throw new IllegalStateException("network buffer pool is destroyed");
            }
            if (numberOfReservedSegments + minSegments > totalNumberOfSegments) {
                throw new IOException("Insufficient number of network buffers: required " + minSegments
                        + ", but only " + (totalNumberOfSegments - numberOfReservedSegments) + " of "
                        + totalNumberOfSegments + " are not reserved by other pools. Increase the network"
                        + " memory (taskmanager.memory.network.size) or decrease parallelism/slots.");
            }
            numberOfReservedSegments += minSegments;
            numberOfUnfulfilledReservations += minSegments;
        }
        return new LocalBufferPool(this, minSegments, maxSegments);
    }

    // ------------------------------------------------------------------------
    //  Called by local pools while they hold their own lock (never call back)
    // ------------------------------------------------------------------------

    /**
     * Lends one segment, or registers {@code requester} for a notification and returns null.
     * {@code withinReservation} is true while the requester holds fewer than its minimum.
     */
    byte[] requestSegment(LocalBufferPool requester, boolean withinReservation) {
        synchronized (lock) {
            byte[] segment = null;
            if (withinReservation) {
                segment = availableSegments.poll();
                if (segment != null) {
                    numberOfUnfulfilledReservations--;
                }
            } else if (availableSegments.size() > numberOfUnfulfilledReservations) {
                segment = availableSegments.poll();
            }
            if (segment == null && !destroyed) {
                waitingPools.add(requester);
            }
            return segment;
        }
    }

    /** Whether a request with these terms would succeed now; if not, registers the requester. */
    boolean hasSegmentForOrRegister(LocalBufferPool requester, boolean withinReservation) {
        synchronized (lock) {
            int lendable = withinReservation
                    ? availableSegments.size()
                    : availableSegments.size() - numberOfUnfulfilledReservations;
            if (lendable > 0) {
                return true;
            }
            if (!destroyed) {
                waitingPools.add(requester);
            }
            return false;
        }
    }

    /** True if some pool is short of its reservation and only segments held above minimums can cover it. */
    boolean needsSegmentsBack() {
        synchronized (lock) {
            return availableSegments.size() < numberOfUnfulfilledReservations;
        }
    }

    // ------------------------------------------------------------------------
    //  Called by local pools without holding their lock (may notify pools)
    // ------------------------------------------------------------------------

    void recycle(byte[] segment) {
        List<LocalBufferPool> toNotify;
        synchronized (lock) {
            availableSegments.add(segment);
            toNotify = drainWaitingPools();
        }
        notifyPools(toNotify);
    }

    /** Takes back a destroyed pool's idle segments and its reservation. */
    void onPoolDestroyed(LocalBufferPool pool, List<byte[]> idleSegments, int minSegments, int unfulfilled) {
        List<LocalBufferPool> toNotify;
        synchronized (lock) {
            waitingPools.remove(pool);
            availableSegments.addAll(idleSegments);
            numberOfReservedSegments -= minSegments;
            numberOfUnfulfilledReservations -= unfulfilled;
            toNotify = drainWaitingPools();
        }
        notifyPools(toNotify);
    }

    // @GuardedBy("lock")
    private List<LocalBufferPool> drainWaitingPools() {
        if (waitingPools.isEmpty()) {
            return null;
        }
        List<LocalBufferPool> pools = new ArrayList<>(waitingPools);
        waitingPools.clear();
        return pools;
    }

    private static void notifyPools(List<LocalBufferPool> pools) {
        if (pools != null) {
            for (LocalBufferPool pool : pools) {
                pool.onGlobalSegmentsAvailable();
            }
        }
    }

    /** Called when the TaskManager shuts down; reports segments that were never given back. */
    public void destroy() {
        synchronized (lock) {
            if (destroyed) {
                return;
            }
            destroyed = true;
            waitingPools.clear();
            int missing = totalNumberOfSegments - availableSegments.size();
            if (missing > 0) {
                LOG.warn("Network buffer pool destroyed while {} of {} segments are still in use",
                        missing, totalNumberOfSegments);
            }
        }
    }
}
