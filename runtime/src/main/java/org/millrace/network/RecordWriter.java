package org.millrace.network;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * Serializes records into the buffers of a result partition, choosing the subpartition with a
 * {@link ChannelSelector}. Used only by the producing task's thread. (Signature placeholder; the
 * data plane fills it in.)
 */
public final class RecordWriter<T> {

    public RecordWriter(ResultPartitionWriter partition, ChannelSelector<T> selector, TypeSerializer<T> serializer) {
        throw new UnsupportedOperationException("data plane not implemented yet");
    }

    /** {@code timestamp} is {@link Long#MIN_VALUE} when the record has none. */
    public void emit(T record, long timestamp) throws IOException, InterruptedException {}

    public void broadcastWatermark(long watermark) throws IOException, InterruptedException {}

    /** Hands partly filled buffers to the consumers. */
    public void flushAll() {}

    /** True if a buffer is free, i.e. the next record can be written without waiting. */
    public boolean isAvailable() {
        return true;
    }

    public CompletableFuture<Void> getAvailableFuture() {
        return CompletableFuture.completedFuture(null);
    }

    /** Flushes and sends end-of-partition on every subpartition; the task emits nothing after. */
    public void finish() throws IOException, InterruptedException {}

    public void close() {}
}
