package org.millrace.network;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.millrace.network.consumer.BufferOrEvent;

/**
 * The consuming side of one input edge of a task: one channel per producer subtask, channel i
 * reading the consumer's subpartition of producer i. Hands out whole buffers and events; a
 * {@link NetworkInput} turns them into records.
 *
 * <p>Read only by the consuming task's thread (all methods except {@link #getAvailableFuture()},
 * which any thread may read). Producers' threads notify it when channels get data.
 */
public interface InputGate extends AutoCloseable {

    int getNumberOfInputChannels();

    /**
     * Asks every channel's producer for its subpartition (waiting requests are fine: producers may
     * register later). Idempotent; {@link NetworkInput} calls it, and so does the first
     * {@link #pollNext()}.
     */
    void requestPartitions();

    /**
     * The next data buffer or event of some channel with data, or null if none has any now. Fair:
     * channels take turns buffer by buffer. The caller recycles data buffers; event buffers are
     * decoded and recycled here, and after a channel's end-of-partition that channel is released.
     *
     * @throws IOException if a producer's partition was released (the producer failed) or a request failed
     */
    BufferOrEvent pollNext() throws IOException;

    /**
     * Holds back channel {@code channelIndex}: {@link #pollNext()} skips it, its data stays queued
     * (and its producer is back-pressured once its credit is used up) until
     * {@link #resumeConsumption()}. Used to align checkpoint barriers.
     */
    void blockChannel(int channelIndex);

    /** Hands out the data of every blocked channel again. */
    void resumeConsumption();

    /** Completes when {@link #pollNext()} may return something. */
    CompletableFuture<Void> getAvailableFuture();

    /** True once every channel has delivered end-of-partition. */
    boolean isFinished();

    /** Releases every channel (also on cancellation); queued data is dropped. Idempotent. */
    @Override
    void close();
}
