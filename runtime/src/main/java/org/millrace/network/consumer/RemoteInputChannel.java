package org.millrace.network.consumer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.millrace.network.ConnectionID;
import org.millrace.network.ResultPartitionID;
import org.millrace.network.buffer.Buffer;
import org.millrace.network.buffer.BufferPoolDestroyedException;
import org.millrace.network.buffer.BufferRecycler;
import org.millrace.network.buffer.LocalBufferPool;
import org.millrace.network.partition.BufferAndBacklog;
import org.millrace.network.partition.PartitionReleasedException;

/**
 * An input channel that reads a subpartition of a producer on another TaskManager with
 * credit-based flow control. The channel owns {@code numberOfExclusiveBuffers} buffers of its
 * gate's pool for its whole life and borrows floating buffers from the same pool while the sender's
 * backlog exceeds its free buffers. Its credit is exactly its number of free buffers: the sender may
 * send one data buffer per credit, received bytes are copied into a free buffer, and a buffer the
 * task recycles becomes credit again (or goes back to the gate pool if it was floating and is no
 * longer needed). Events need no credit and arrive in small unpooled buffers.
 *
 * <p>Threads: {@link #getNextBuffer()} and {@link #requestSubpartition()} run on the consuming
 * task's thread; {@link #requestBuffer()}, {@link #onBuffer}, {@link #getAndResetUnannouncedCredit()}
 * and {@link #expectedSequenceNumber} belong to the connection's Netty I/O thread; recycles come
 * from whichever thread releases a buffer (normally the task). Shared state is guarded by
 * {@link #lock}, taken once per buffer. Lock order: this channel's lock, then the gate pool's lock;
 * the gate's and the client's code are called without the lock.
 */
public final class RemoteInputChannel extends InputChannel implements BufferRecycler {

    private final InputChannelID id = InputChannelID.random();
    private final ConnectionID producerLocation;
    private final ConnectionManager connectionManager;

    /** The gate's pool; exclusive buffers come from its reservation, floating ones on demand. */
    private final LocalBufferPool bufferPool;

    private final int numberOfExclusiveBuffers;

    private final Object lock = new Object();

    /** Buffers and events received and not yet read by the task. */
    // @GuardedBy("lock")
    private final ArrayDeque<Buffer> receivedBuffers = new ArrayDeque<>();

    /** Segments owned by this channel and free to receive into; their count is the channel's credit. */
    // @GuardedBy("lock")
    private final ArrayDeque<byte[]> freeSegments = new ArrayDeque<>();

    /** Floating segments held (free or in use), given back once the backlog no longer needs them. */
    // @GuardedBy("lock")
    private int numberOfFloatingSegments;

    /** Data buffers the sender had queued behind its last buffer. */
    // @GuardedBy("lock")
    private int senderBacklog;

    /** Credit (free segments) not yet announced to the sender. */
    // @GuardedBy("lock")
    private int unannouncedCredit;

    /** A callback on the gate pool's availability is registered, so that only one is. */
    // @GuardedBy("lock")
    private boolean waitingForFloatingBuffer;

    // @GuardedBy("lock")
    private boolean released;

    /** Set once, by the I/O thread or whoever fails the request; read by the task. */
    private volatile Throwable error;

    /** Set once the connection exists; read by recycling threads to announce credit. */
    private volatile PartitionRequestClient client;

    /** Modified by the network I/O thread only. */
    private int expectedSequenceNumber;

    public RemoteInputChannel(
            SingleInputGate inputGate,
            int channelIndex,
            ResultPartitionID partitionId,
            int consumedSubpartitionIndex,
            ConnectionID producerLocation,
            ConnectionManager connectionManager,
            int numberOfExclusiveBuffers) {
        super(inputGate, channelIndex, partitionId, consumedSubpartitionIndex);
        if (numberOfExclusiveBuffers < 1) {
            throw new IllegalArgumentException("a remote channel needs at least one exclusive buffer");
        }
        if (inputGate.getBufferPool() == null) {
            throw new IllegalArgumentException("the gate of a remote channel needs a buffer pool");
        }
        this.producerLocation = producerLocation;
        this.connectionManager = connectionManager;
        this.bufferPool = inputGate.getBufferPool();
        this.numberOfExclusiveBuffers = numberOfExclusiveBuffers;
    }

    public InputChannelID getInputChannelId() {
        return id;
    }

    public ConnectionID getProducerLocation() {
        return producerLocation;
    }

    /**
     * Takes the exclusive segments from the gate pool, waiting (at most {@code timeout}) if other
     * pools still hold segments the gate's reservation covers. Called once when the gate is set up,
     * before any request, so that no channel's floating buffers can hold up another channel's
     * exclusive ones. On failure the segments taken so far go back to the pool.
     */
    public void assignExclusiveSegments(Duration timeout) throws IOException, InterruptedException {
        List<byte[]> segments = new ArrayList<>(numberOfExclusiveBuffers);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (segments.size() < numberOfExclusiveBuffers) {
                Buffer buffer = bufferPool.requestBuffer();
                if (buffer != null) {
                    // The Buffer wrapper is dropped: the segment is this channel's until it is released.
                    segments.add(buffer.getMemory());
                } else {
                    awaitPoolAvailable(deadline);
                }
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            segments.forEach(bufferPool::recycle);
            throw e;
        }
        synchronized (lock) {
            if (!freeSegments.isEmpty() || numberOfFloatingSegments > 0) {
                throw new IllegalStateException("exclusive segments of " + this + " are already assigned");
            }
            freeSegments.addAll(segments);
        }
    }

    private void awaitPoolAvailable(long deadline) throws IOException, InterruptedException {
        long remaining = deadline - System.nanoTime();
        try {
            bufferPool.getAvailableFuture().get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IOException("Timed out waiting for the exclusive network buffers of " + this
                    + ": other pools hold the segments this gate reserved", e);
        } catch (ExecutionException e) {
            throw new IOException("Buffer pool of " + this + " failed", e.getCause());
        }
    }

    // ------------------------------------------------------------------------
    //  Consume (consuming task thread)
    // ------------------------------------------------------------------------

    @Override
    protected void requestSubpartition() {
        connectionManager.createPartitionRequestClient(producerLocation).whenComplete((connected, failure) -> {
            if (failure != null) {
                onError(new IOException("Connecting to the producer of " + partitionId + " at "
                        + producerLocation.host() + ":" + producerLocation.dataPort() + " failed", failure));
                return;
            }
            client = connected;
            int initialCredit;
            synchronized (lock) {
                if (released) {
                    return;
                }
                initialCredit = freeSegments.size();
                unannouncedCredit = 0;
            }
            connected.requestSubpartition(this, initialCredit);
        });
    }

    @Override
    protected BufferAndBacklog getNextBuffer() throws IOException {
        Throwable failure = error;
        if (failure != null) {
            if (failure instanceof PartitionReleasedException partitionReleased) {
                throw partitionReleased;
            }
            throw new IOException("Remote channel " + this + " failed: " + failure.getMessage(), failure);
        }
        synchronized (lock) {
            Buffer buffer = receivedBuffers.poll();
            if (buffer == null) {
                return null;
            }
            Buffer next = receivedBuffers.peek();
            return new BufferAndBacklog(buffer, next != null, senderBacklog, next != null && !next.isBuffer());
        }
    }

    // ------------------------------------------------------------------------
    //  Network I/O notifications (called by the network I/O thread)
    // ------------------------------------------------------------------------

    /**
     * A free buffer to copy a received data buffer into, or null if the channel has none: the
     * sender sent without credit, which is a protocol violation the caller reports.
     */
    public Buffer requestBuffer() {
        synchronized (lock) {
            byte[] segment = freeSegments.poll();
            return segment == null ? null : new Buffer(segment, this, Buffer.DataType.DATA_BUFFER, 0);
        }
    }

    /**
     * A received buffer or event with its sequence number and the sender's backlog. A gap in the
     * sequence numbers fails the channel: a lost buffer would silently lose records.
     */
    public void onBuffer(Buffer buffer, int sequenceNumber, int backlog) {
        if (sequenceNumber != expectedSequenceNumber) {
            buffer.recycleBuffer();
            onError(new IOException("Buffer sequence gap on " + this + ": expected " + expectedSequenceNumber
                    + ", received " + sequenceNumber));
            return;
        }
        expectedSequenceNumber++;
        boolean accepted;
        boolean wasEmpty = false;
        synchronized (lock) {
            accepted = !released;
            if (accepted) {
                wasEmpty = receivedBuffers.isEmpty();
                receivedBuffers.add(buffer);
                senderBacklog = backlog;
            }
        }
        if (!accepted) {
            buffer.recycleBuffer(); // outside the lock: a released channel gives the segment to the pool
            return;
        }
        requestFloatingBuffers();
        if (wasEmpty) {
            notifyChannelNonEmpty();
        }
    }

    /** Takes and resets the credit to announce; the caller sends it if positive. */
    public int getAndResetUnannouncedCredit() {
        synchronized (lock) {
            int credit = unannouncedCredit;
            unannouncedCredit = 0;
            return credit;
        }
    }

    /** The request or the connection failed, or the producer released the partition. Any thread. */
    public void onError(Throwable cause) {
        if (error == null) {
            error = cause;
        }
        notifyChannelNonEmpty();
    }

    // ------------------------------------------------------------------------
    //  Credit-based: floating buffers and recycling (any thread)
    // ------------------------------------------------------------------------

    /** Borrows floating buffers from the gate pool until the free ones cover the sender's backlog. */
    private void requestFloatingBuffers() {
        int newCredit = 0;
        boolean announce;
        boolean registerForAvailability = false;
        synchronized (lock) {
            if (released) {
                return;
            }
            while (freeSegments.size() < senderBacklog) {
                Buffer floating;
                try {
                    floating = bufferPool.requestBuffer();
                } catch (BufferPoolDestroyedException e) {
                    return; // the gate is closing
                }
                if (floating == null) {
                    registerForAvailability = !waitingForFloatingBuffer;
                    waitingForFloatingBuffer = true;
                    break;
                }
                freeSegments.add(floating.getMemory());
                numberOfFloatingSegments++;
                newCredit++;
            }
            unannouncedCredit += newCredit;
            announce = newCredit > 0 && unannouncedCredit == newCredit;
        }
        if (registerForAvailability) {
            // Outside the lock: an already completed future runs the callback right here.
            bufferPool.getAvailableFuture().thenRun(this::onFloatingBufferAvailable);
        }
        if (announce) {
            announceCredit();
        }
    }

    private void onFloatingBufferAvailable() {
        synchronized (lock) {
            waitingForFloatingBuffer = false;
        }
        requestFloatingBuffers();
    }

    /**
     * A buffer of this channel was recycled: its segment becomes credit again, unless it is a
     * floating one the backlog does not need, which goes back to the gate pool for other channels.
     */
    @Override
    public void recycle(byte[] segment) {
        boolean giveBack;
        boolean announce = false;
        synchronized (lock) {
            if (released) {
                giveBack = true;
            } else if (numberOfFloatingSegments > 0 && freeSegments.size() >= senderBacklog) {
                numberOfFloatingSegments--;
                giveBack = true;
            } else {
                freeSegments.add(segment);
                // Only the first credit after an announcement wakes the I/O thread; it sends the sum.
                announce = ++unannouncedCredit == 1;
                giveBack = false;
            }
        }
        if (giveBack) {
            bufferPool.recycle(segment);
        }
        if (announce) {
            announceCredit();
        }
    }

    private void announceCredit() {
        PartitionRequestClient connected = client;
        if (connected != null) {
            connected.notifyCreditAvailable(this);
        }
    }

    // ------------------------------------------------------------------------
    //  Life cycle
    // ------------------------------------------------------------------------

    @Override
    protected void releaseAllResources() {
        List<Buffer> received;
        List<byte[]> free;
        synchronized (lock) {
            if (released) {
                return;
            }
            released = true;
            received = new ArrayList<>(receivedBuffers);
            receivedBuffers.clear();
            free = new ArrayList<>(freeSegments);
            freeSegments.clear();
        }
        // Outside the lock: recycling takes the gate pool's lock (and, for our own buffers, ours).
        for (Buffer buffer : received) {
            buffer.recycleBuffer();
        }
        for (byte[] segment : free) {
            bufferPool.recycle(segment);
        }
        PartitionRequestClient connected = client;
        if (connected != null) {
            connected.cancelRequest(this);
        }
    }

    boolean isReleased() {
        synchronized (lock) {
            return released;
        }
    }

    // ------------------------------------------------------------------------
    //  Inspection (tests, metrics)
    // ------------------------------------------------------------------------

    public int getNumberOfFreeBuffers() {
        synchronized (lock) {
            return freeSegments.size();
        }
    }

    public int getNumberOfQueuedBuffers() {
        synchronized (lock) {
            return receivedBuffers.size();
        }
    }

    public int getSenderBacklog() {
        synchronized (lock) {
            return senderBacklog;
        }
    }

    public int getUnannouncedCredit() {
        synchronized (lock) {
            return unannouncedCredit;
        }
    }

    @Override
    public String toString() {
        return "RemoteInputChannel#" + channelIndex + " " + id + " [" + partitionId + ", subpartition "
                + consumedSubpartitionIndex + " at TaskManager " + producerLocation.taskManagerId() + " ("
                + producerLocation.host() + ":" + producerLocation.dataPort() + ")]";
    }
}
