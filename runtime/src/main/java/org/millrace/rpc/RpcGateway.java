package org.millrace.rpc;

/**
 * A remote view of an {@link RpcEndpoint}: an interface whose methods return a
 * {@link java.util.concurrent.CompletableFuture} (ask) or {@code void} (tell). A call never runs in the
 * caller's thread; it is handed to the endpoint's main thread, so callers can use a gateway from any
 * thread and continue on their own main thread with {@code thenXxxAsync(..., mainThreadExecutor)}.
 *
 * <p>Gateway method arguments and results must be serializable (or gateways themselves, which cross a
 * process boundary as their address and fencing token): in this JVM they are passed by reference,
 * across processes they will be Avro-encoded over Netty.
 */
public interface RpcGateway {

    /** Where the endpoint behind this gateway is reached. */
    String getAddress();
}
