package org.millrace.rpc.netty;

import org.millrace.rpc.RpcGateway;
import org.millrace.rpc.netty.message.GatewayReference;

/**
 * What decoding needs from the receiving {@link NettyRpcService}: the class loader for Java-serialized
 * values and a way to turn a gateway reference back into a gateway. Thread-safe.
 */
public interface CodecContext {

    /** Resolves classes of Java-serialized values (the job's class loader where user code travels). */
    ClassLoader classLoader();

    /** A gateway for a reference received on the wire; connects lazily, on its first call. */
    RpcGateway gatewayFor(GatewayReference reference);
}
