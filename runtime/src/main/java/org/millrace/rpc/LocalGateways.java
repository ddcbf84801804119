package org.millrace.rpc;

import java.util.UUID;

/**
 * Gateways that hop straight onto an endpoint's main thread, for {@link RpcService} implementations
 * outside this package: a network service serves a remote call through one, so remote calls get the
 * same fencing check and main-thread ordering as local ones. Stateless; any thread.
 */
public final class LocalGateways {

    private LocalGateways() {}

    /**
     * A gateway of type {@code gatewayType} to {@code endpoint}, carrying {@code fencingToken} (null for
     * unfenced gateways). Fails with {@link RpcException} if the endpoint does not serve that gateway.
     */
    public static <G extends RpcGateway> G create(RpcEndpoint endpoint, Class<G> gatewayType, UUID fencingToken) {
        return LocalGatewayProxy.create(endpoint, gatewayType, fencingToken);
    }
}
