package org.millrace.rpc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-JVM transport behind a gateway: each call becomes a task on the endpoint's main thread,
 * after the fencing check, and its result is forwarded to the caller's future. Invoked from any
 * caller thread; the endpoint method itself runs on the endpoint's main thread only.
 */
final class LocalGatewayProxy implements InvocationHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LocalGatewayProxy.class);

    /** Checks once per gateway interface that every method is ask (future) or tell (void). */
    private static final ClassValue<Boolean> VALIDATED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            for (Method m : type.getMethods()) {
                if (isLocal(m)) {
                    continue;
                }
                Class<?> r = m.getReturnType();
                if (r != void.class && r != CompletableFuture.class) {
                    throw new IllegalArgumentException("Gateway method " + type.getSimpleName() + "." + m.getName()
                            + " must return CompletableFuture or void, not " + r.getSimpleName());
                }
            }
            return Boolean.TRUE;
        }
    };

    private final RpcEndpoint endpoint;
    private final Class<?> gatewayType;
    /** Null for unfenced gateways. */
    private final UUID fencingToken;

    private LocalGatewayProxy(RpcEndpoint endpoint, Class<?> gatewayType, UUID fencingToken) {
        this.endpoint = endpoint;
        this.gatewayType = gatewayType;
        this.fencingToken = fencingToken;
    }

    static <G extends RpcGateway> G create(RpcEndpoint endpoint, Class<G> gatewayType, UUID fencingToken) {
        VALIDATED.get(gatewayType);
        if (!gatewayType.isInstance(endpoint)) {
            throw new RpcException(endpoint + " does not implement " + gatewayType.getSimpleName());
        }
        boolean fenced = FencedRpcGateway.class.isAssignableFrom(gatewayType);
        if (fenced != (endpoint instanceof FencedRpcEndpoint) || (fenced && fencingToken == null)) {
            throw new RpcException("A gateway to " + endpoint + " needs " + (fenced ? "a" : "no") + " fencing token");
        }
        Object proxy = Proxy.newProxyInstance(
                gatewayType.getClassLoader(),
                new Class<?>[] {gatewayType},
                new LocalGatewayProxy(endpoint, gatewayType, fenced ? fencingToken : null));
        return gatewayType.cast(proxy);
    }

    private static boolean isLocal(Method m) {
        return m.getParameterCount() == 0 && (m.getName().equals("getAddress") || m.getName().equals("getFencingToken"));
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
        if (isLocal(method)) {
            return method.getName().equals("getAddress") ? endpoint.getAddress() : fencingToken;
        }
        CompletableFuture<Object> result = new CompletableFuture<>();
        try {
            endpoint.executeInMainThread(() -> invokeInMainThread(method, args, result));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new RpcException(endpoint.getAddress() + " is not running"));
        }
        if (method.getReturnType() == void.class) {
            result.whenComplete((ignored, error) -> {
                if (error != null) {
                    LOG.debug("Call {} to {} failed", method.getName(), endpoint.getAddress(), error);
                }
            });
            return null;
        }
        return result;
    }

    private void invokeInMainThread(Method method, Object[] args, CompletableFuture<Object> result) {
        if (fencingToken != null) {
            UUID current = ((FencedRpcEndpoint) endpoint).getFencingToken();
            if (!fencingToken.equals(current)) {
                result.completeExceptionally(new FencingTokenException("Fencing token mismatch on "
                        + gatewayType.getSimpleName() + "." + method.getName() + " to " + endpoint.getAddress()
                        + ": the call carries " + fencingToken + ", the leader's is "
                        + (current == null ? "none (not leader)" : current.toString())));
                return;
            }
        }
        try {
            Object r = method.invoke(endpoint, args);
            if (r instanceof CompletableFuture<?> f) {
                f.whenComplete((v, e) -> {
                    if (e != null) {
                        result.completeExceptionally(unwrap(e));
                    } else {
                        result.complete(v);
                    }
                });
            } else {
                result.complete(r);
            }
        } catch (InvocationTargetException e) {
            result.completeExceptionally(e.getCause());
        } catch (IllegalAccessException | RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    @Override
    public String toString() {
        return gatewayType.getSimpleName() + " -> " + endpoint.getAddress()
                + (fencingToken == null ? "" : " [" + fencingToken + "]");
    }
}
