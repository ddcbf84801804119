package org.millrace.rpc;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-JVM {@link RpcService}: addresses are {@code local://rpc-<n>/<endpointId>}, gateways are
 * proxies that hop onto the endpoint's main thread. Arguments are passed by reference, so in this JVM
 * callers must not mutate what they sent. Thread-safe (concurrent map of endpoints).
 */
public final class LocalRpcService implements RpcService {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final String prefix = "local://rpc-" + INSTANCES.incrementAndGet() + "/";
    private final ConcurrentHashMap<String, RpcEndpoint> endpoints = new ConcurrentHashMap<>();
    private volatile boolean closed;

    @Override
    public String startServer(RpcEndpoint endpoint) {
        if (closed) {
            throw new RpcException("The RPC service is closed");
        }
        String address = prefix + endpoint.getEndpointId();
        if (endpoints.putIfAbsent(address, endpoint) != null) {
            throw new IllegalStateException("An endpoint is already registered at " + address);
        }
        return address;
    }

    @Override
    public void stopServer(RpcEndpoint endpoint) {
        endpoints.remove(endpoint.getAddress(), endpoint);
    }

    @Override
    public <G extends RpcGateway> CompletableFuture<G> connect(String address, Class<G> gatewayType) {
        return connect(address, null, gatewayType, false);
    }

    @Override
    public <G extends FencedRpcGateway> CompletableFuture<G> connect(
            String address, UUID fencingToken, Class<G> gatewayType) {
        return connect(address, fencingToken, gatewayType, true);
    }

    private <G extends RpcGateway> CompletableFuture<G> connect(
            String address, UUID fencingToken, Class<G> gatewayType, boolean fenced) {
        RpcEndpoint endpoint = closed ? null : endpoints.get(address);
        if (endpoint == null) {
            return CompletableFuture.failedFuture(new RpcException("No endpoint is running at " + address));
        }
        if (fenced != FencedRpcGateway.class.isAssignableFrom(gatewayType)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(gatewayType.getSimpleName()
                    + (fenced ? " is not fenced" : " is fenced: connect with the leader's fencing token")));
        }
        try {
            return CompletableFuture.completedFuture(LocalGatewayProxy.create(endpoint, gatewayType, fencingToken));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Stops accepting new endpoints and connections; the endpoints' owners stop the endpoints. */
    @Override
    public void close() {
        closed = true;
    }
}
