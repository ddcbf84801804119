package org.millrace.network;

/** Receives what a {@link NetworkInput} reads: records with their timestamps, and watermarks. */
public interface ElementOutput<T> {

    /** {@code timestamp} is {@link Long#MIN_VALUE} when the record has none. */
    void emitRecord(T record, long timestamp) throws Exception;

    /** A watermark that advanced the minimum over all input channels. */
    void emitWatermark(long watermark) throws Exception;
}
