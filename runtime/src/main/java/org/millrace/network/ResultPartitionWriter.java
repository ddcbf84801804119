package org.millrace.network;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.millrace.network.api.RuntimeEvent;
import org.millrace.network.buffer.Buffer;

/**
 * The producing side of one result partition, as its task sees it: a source of empty buffers (from
 * the partition's bounded pool) and a sink of finished ones, one subpartition per consumer
 * subtask. A {@link RecordWriter} fills the buffers; the task itself only calls the life-cycle
 * methods.
 *
 * <p>Life cycle, in the producing task's thread: write; then {@link #finish()} on success (sends
 * end-of-partition; consumers may still be reading), and always {@link #close()} at the end.
 * {@link #close()} without {@link #finish()}, or {@link #fail(Throwable)}, releases the partition:
 * queued data is dropped and consumers fail with
 * {@link org.millrace.network.partition.PartitionReleasedException}.
 *
 * <p>Threads: everything here is called by the producing task's thread, except {@link #fail}, which
 * may also come from a canceller. Buffer and event calls are per buffer, never per record.
 */
public interface ResultPartitionWriter extends AutoCloseable {

    ResultPartitionID getPartitionId();

    int getNumberOfSubpartitions();

    /** Size in bytes of the buffers this partition hands out. */
    int getBufferSize();

    /** An empty buffer, or null if none is free now (see {@link #getAvailableFuture()}). */
    Buffer requestBuffer();

    /**
     * An empty buffer, waiting until a consumer recycles one. Wakes up with
     * {@link InterruptedException} on interrupt, and with
     * {@link org.millrace.network.buffer.BufferPoolDestroyedException} if the partition is released.
     */
    Buffer requestBufferBlocking() throws IOException, InterruptedException;

    /** Hands a finished data buffer (its size set) to subpartition {@code subpartition}. */
    void addBuffer(Buffer buffer, int subpartition) throws IOException;

    /** Appends {@code event} to every subpartition, after the buffers already added. */
    void broadcastEvent(RuntimeEvent event) throws IOException;

    /** True if a buffer can be requested without waiting. */
    boolean isAvailable();

    /** Completes when a buffer can be requested without waiting (or the partition is released). */
    CompletableFuture<Void> getAvailableFuture();

    /**
     * Sends end-of-partition to every subpartition. Data already added stays readable; the
     * partition is unregistered once every consumer has read it to its end.
     */
    void finish() throws IOException;

    boolean isFinished();

    /** Releases the partition because its producer failed or is cancelled; consumers fail with {@code cause}. Any thread. */
    void fail(Throwable cause);

    boolean isReleased();

    /** Gives back the buffer pool; releases the partition if {@link #finish()} was not called. Idempotent. */
    @Override
    void close();
}
