package org.millrace.rpc.netty;

/**
 * Encodes one gateway argument or result for the wire, and decodes it on the other side. Which codec
 * a method uses is decided once per gateway method by {@link MethodCodecs}: typed Avro records for
 * control messages (ids, registration, slot reports, status; heartbeats are made of these), a
 * {@link GatewayReferenceCodec} for gateways, and the explicit {@link JavaSerializationCodec} fallback
 * for engine objects with user code inside. Implementations are stateless and thread-safe: callers'
 * threads encode, Netty I/O threads and endpoint main threads decode.
 */
public interface ArgumentCodec {

    /** The bytes of a non-null {@code value}. */
    byte[] encode(Object value, CodecContext context);

    /** The value of {@code bytes} made by {@link #encode}. */
    Object decode(byte[] bytes, CodecContext context);
}
