package org.millrace.network.consumer;

import java.util.concurrent.CompletableFuture;
import org.millrace.network.ConnectionID;

/**
 * Gives remote input channels a {@link PartitionRequestClient} for a producer TaskManager: one
 * connection per TaskManager, shared by all channels. Thread-safe; never blocks (the future
 * completes on an I/O thread once connected, or exceptionally if the connection fails).
 */
@FunctionalInterface
public interface ConnectionManager {

    CompletableFuture<PartitionRequestClient> createPartitionRequestClient(ConnectionID producerLocation);
}
