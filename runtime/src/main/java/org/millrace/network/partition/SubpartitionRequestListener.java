package org.millrace.network.partition;

/**
 * The consumer side of a subpartition request: learns the outcome of the request and then hears
 * about data. If the partition is registered when it is requested, the answer comes on the
 * requesting thread; otherwise on the thread that registers the partition (the producer's
 * deployment). Data notifications may arrive before {@link #onSubpartitionViewCreated}.
 */
public interface SubpartitionRequestListener extends BufferAvailabilityListener {

    void onSubpartitionViewCreated(ResultSubpartitionView view);

    /** The partition was released or the TaskManager shut down before a view could be created. */
    void onPartitionRequestFailed(Throwable cause);
}
