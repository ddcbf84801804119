package org.millrace.rpc.netty;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.millrace.rpc.RpcGateway;
import org.millrace.rpc.netty.message.RpcRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gateway to an endpoint of another {@link NettyRpcService}: each call becomes an {@link RpcRequest}
 * on the shared connection to that service (made on first use, made again after it closed), with the
 * arguments encoded by the method's codecs. Invoked from any thread.
 */
final class RemoteGatewayProxy implements InvocationHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteGatewayProxy.class);

    private final NettyRpcService service;
    private final RpcAddress address;
    private final Class<? extends RpcGateway> gatewayType;
    /** Null for unfenced gateways. */
    private final UUID fencingToken;

    private RemoteGatewayProxy(
            NettyRpcService service, RpcAddress address, Class<? extends RpcGateway> gatewayType, UUID fencingToken) {
        this.service = service;
        this.address = address;
        this.gatewayType = gatewayType;
        this.fencingToken = fencingToken;
    }

    static <G extends RpcGateway> G create(
            NettyRpcService service, RpcAddress address, Class<G> gatewayType, UUID fencingToken) {
        Object proxy = Proxy.newProxyInstance(gatewayType.getClassLoader(), new Class<?>[] {gatewayType},
                new RemoteGatewayProxy(service, address, gatewayType, fencingToken));
        return gatewayType.cast(proxy);
    }

    /** "TaskExecutor" for TaskExecutorGateway: how errors name the peer. */
    static String roleOf(Class<?> gatewayType) {
        String name = gatewayType.getSimpleName();
        return name.endsWith("Gateway") && name.length() > 7 ? name.substring(0, name.length() - 7) : name;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> toString();
            };
        }
        if (method.getParameterCount() == 0 && method.getName().equals("getAddress")) {
            return address.toString();
        }
        if (method.getParameterCount() == 0 && method.getName().equals("getFencingToken")) {
            return fencingToken;
        }
        MethodCodecs.Codecs codecs = service.codecs().of(method);
        CompletableFuture<Object> result;
        try {
            RpcRequest request = request(method.getName(), encode(codecs, args));
            String description = gatewayType.getSimpleName() + "." + method.getName() + " to " + address;
            if (method.getReturnType() == void.class) {
                service.connection(address).thenAccept(c -> c.tell(request)).exceptionally(e -> {
                    LOG.debug("{} was not delivered", description, e);
                    return null;
                });
                return null;
            }
            result = service.connection(address)
                    .exceptionallyCompose(e -> CompletableFuture.failedFuture(new RpcConnectionException("Cannot reach "
                            + roleOf(gatewayType) + " at " + address + ": " + describe(e), unwrap(e))))
                    .thenCompose(c -> c.call(request, description, service.timeout()))
                    .thenApply(success -> success.getValue() == null ? null
                            : codecs.result().decode(NettyRpcService.bytesOf(success.getValue()), service));
        } catch (RuntimeException e) {
            if (method.getReturnType() == void.class) {
                throw e;
            }
            result = CompletableFuture.failedFuture(e);
        }
        return result;
    }

    /** The request of a call: no id yet, the connection numbers it. */
    RpcRequest request(String method, List<ByteBuffer> arguments) {
        return RpcRequest.newBuilder()
                .setRequestId(0L)
                .setEndpointId(address.endpointId())
                .setFencingToken(fencingToken == null ? null : fencingToken.toString())
                .setGateway(gatewayType.getName())
                .setMethod(method)
                .setArguments(arguments)
                .build();
    }

    private List<ByteBuffer> encode(MethodCodecs.Codecs codecs, Object[] args) {
        int n = args == null ? 0 : args.length;
        List<ByteBuffer> encoded = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            encoded.add(args[i] == null ? null : ByteBuffer.wrap(codecs.parameters()[i].encode(args[i], service)));
        }
        return encoded;
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    private static String describe(Throwable e) {
        Throwable cause = unwrap(e);
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    @Override
    public String toString() {
        return gatewayType.getSimpleName() + " -> " + address + (fencingToken == null ? "" : " [" + fencingToken + "]");
    }
}
