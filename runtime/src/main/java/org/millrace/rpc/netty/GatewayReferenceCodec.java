package org.millrace.rpc.netty;

import java.util.UUID;
import org.millrace.rpc.FencedRpcGateway;
import org.millrace.rpc.RpcGateway;
import org.millrace.rpc.netty.message.GatewayReference;

/**
 * A gateway crosses the wire as {address, fencing token, gateway type} and is reconnected on the
 * receiving side (e.g. the JobMaster handed to TaskExecutor.submitTask). Stateless; any thread.
 */
public final class GatewayReferenceCodec implements ArgumentCodec {

    private final Class<? extends RpcGateway> gatewayType;
    private final AvroRecordCodec<GatewayReference, GatewayReference> avro =
            new AvroRecordCodec<>(GatewayReference.class, GatewayReference.class, r -> r, r -> r);

    public GatewayReferenceCodec(Class<? extends RpcGateway> gatewayType) {
        this.gatewayType = gatewayType;
    }

    static GatewayReference referenceOf(RpcGateway gateway, Class<? extends RpcGateway> declaredType) {
        UUID token = gateway instanceof FencedRpcGateway f ? f.getFencingToken() : null;
        return GatewayReference.newBuilder()
                .setAddress(gateway.getAddress())
                .setFencingToken(token == null ? null : token.toString())
                .setGatewayType(declaredType.getName())
                .build();
    }

    @Override
    public byte[] encode(Object value, CodecContext context) {
        return avro.write(referenceOf((RpcGateway) value, gatewayType));
    }

    @Override
    public Object decode(byte[] bytes, CodecContext context) {
        return context.gatewayFor(avro.read(bytes));
    }

    @Override
    public String toString() {
        return "GatewayReference(" + gatewayType.getSimpleName() + ")";
    }
}
