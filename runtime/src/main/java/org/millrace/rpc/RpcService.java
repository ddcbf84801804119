package org.millrace.rpc;

import java.util.UUID;
import org.millrace.api.JobID;
import java.util.concurrent.CompletableFuture;

/**
 * Hosts {@link RpcEndpoint}s and connects gateways to them by address. {@link LocalRpcService} does
 * it within one JVM; a Netty-based service will do it across processes with the same contract, so
 * components are written once against this interface.
 *
 * <p>Thread-safe: used from every component's main thread and from client threads.
 */
public interface RpcService extends AutoCloseable {

    /** Makes {@code endpoint} reachable and returns its address. Called by {@link RpcEndpoint#start()}. */
    String startServer(RpcEndpoint endpoint);

    /** Makes the endpoint unreachable; later calls through its gateways fail. */
    void stopServer(RpcEndpoint endpoint);

    /** Connects to an unfenced endpoint (a TaskExecutor). Fails if nothing is at {@code address}. */
    <G extends RpcGateway> CompletableFuture<G> connect(String address, Class<G> gatewayType);

    /** Connects to a leader; every call through the gateway carries {@code fencingToken}. */
    <G extends FencedRpcGateway> CompletableFuture<G> connect(String address, UUID fencingToken, Class<G> gatewayType);

    /**
     * Lets values of {@code jobId} received through this service (accumulators, user exceptions) be
     * read with the job's class loader, until {@link #unregisterUserCodeClassLoader}. Services that
     * do not serialize ignore it.
     */
    default void registerUserCodeClassLoader(JobID jobId, ClassLoader jobClassLoader) {}

    default void unregisterUserCodeClassLoader(JobID jobId) {}

    @Override
    void close();
}
