package org.millrace.rpc.netty;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.millrace.rpc.RpcGateway;

/**
 * Which {@link ArgumentCodec} each parameter and the result of a gateway method use. By default it
 * is decided from the declared Java type: a gateway interface travels as a
 * {@link GatewayReferenceCodec}, a type of {@link ControlMessageCodecs} as its Avro record, and
 * anything else through the {@link JavaSerializationCodec} fallback (engine objects with user code
 * inside). {@link #override} replaces the choice for one method. Thread-safe (concurrent caches); one
 * instance per {@link NettyRpcService}, and both ends must agree.
 */
public final class MethodCodecs {

    /** The codecs of one method: one per parameter, and one for the future's value (null for void). */
    public record Codecs(ArgumentCodec[] parameters, ArgumentCodec result) {
        @Override
        public String toString() {
            return Arrays.toString(parameters) + " -> " + result;
        }
    }

    private final ConcurrentHashMap<Method, Codecs> codecs = new ConcurrentHashMap<>();

    /** Sets the codecs of {@code gateway.methodName} (every overload of that name). */
    public void override(Class<? extends RpcGateway> gateway, String methodName, Codecs methodCodecs) {
        boolean found = false;
        for (Method m : gateway.getMethods()) {
            if (m.getName().equals(methodName)) {
                if (m.getParameterCount() != methodCodecs.parameters().length) {
                    throw new IllegalArgumentException(gateway.getSimpleName() + "." + methodName + " takes "
                            + m.getParameterCount() + " parameters, not " + methodCodecs.parameters().length);
                }
                codecs.put(m, methodCodecs);
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException(gateway.getSimpleName() + " has no method " + methodName);
        }
    }

    /** The codecs of {@code method}, derived from its signature on first use. */
    public Codecs of(Method method) {
        return codecs.computeIfAbsent(method, MethodCodecs::derive);
    }

    private static Codecs derive(Method method) {
        Class<?>[] types = method.getParameterTypes();
        ArgumentCodec[] parameters = new ArgumentCodec[types.length];
        for (int i = 0; i < types.length; i++) {
            parameters[i] = forType(types[i]);
        }
        ArgumentCodec result = null;
        if (method.getReturnType() != void.class) {
            Type generic = method.getGenericReturnType();
            Type valueType = generic instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
            // Void futures carry no value; a parameterized value type (List<...>) falls back to Java serialization
            result = valueType instanceof Class<?> c ? forType(c) : JavaSerializationCodec.INSTANCE;
        }
        return new Codecs(parameters, result);
    }

    @SuppressWarnings("unchecked")
    static ArgumentCodec forType(Class<?> type) {
        if (RpcGateway.class.isAssignableFrom(type)) {
            return new GatewayReferenceCodec((Class<? extends RpcGateway>) type);
        }
        ArgumentCodec typed = ControlMessageCodecs.forType(type);
        return typed != null ? typed : JavaSerializationCodec.INSTANCE;
    }
}
