package org.millrace.network.consumer;

/**
 * The consumer's end of a connection to one producer TaskManager, shared by all remote channels
 * reading from it. Implemented by the Netty transport. Methods are called by task threads and by
 * whichever thread recycles a buffer; implementations hand the work to the connection's I/O thread
 * and never block.
 */
public interface PartitionRequestClient {

    /** Asks the producer for the channel's subpartition, announcing {@code initialCredit} free buffers. */
    void requestSubpartition(RemoteInputChannel channel, int initialCredit);

    /** The channel has unannounced credit; the I/O thread sends it (see {@link RemoteInputChannel#getAndResetUnannouncedCredit()}). */
    void notifyCreditAvailable(RemoteInputChannel channel);

    /** The channel is done or released: the producer stops sending and releases the subpartition. */
    void cancelRequest(RemoteInputChannel channel);
}
