/**
 * The control-plane RPC across processes: {@link org.millrace.rpc.netty.NettyRpcService}.
 *
 * <h2>Wire format</h2>
 * One TCP connection per pair of services (client side), length-prefixed frames, each one Avro
 * {@code RpcFrame} of {@code src/main/avro/rpc-envelope.avdl}: an {@code RpcRequest} (request id,
 * endpoint id, fencing token, gateway interface, method, encoded arguments) or an {@code RpcResponse}
 * (request id, {@code RpcSuccess} with the encoded value or {@code RpcError} with class name, message,
 * printed stack and, when possible, the Java-serialized exception). Void gateway methods are sent with
 * a negative request id and get no answer.
 *
 * <h2>Arguments and results</h2>
 * {@link org.millrace.rpc.netty.MethodCodecs} picks an {@link org.millrace.rpc.netty.ArgumentCodec} per
 * parameter and result of each gateway method, from its declared type:
 * <ul>
 *   <li>control messages with a simple structure (ids, scalars, job status, TaskExecutor registration
 *       with its slot offer, slot reports, resource overview, heartbeats) are the typed Avro records of
 *       {@code src/main/avro/control-messages.avdl} ({@link org.millrace.rpc.netty.ControlMessageCodecs});</li>
 *   <li>gateways travel as {@code GatewayReference} {address, fencing token, gateway type} and are
 *       reconnected on the receiving side;</li>
 *   <li>everything else (JobGraph, TaskDeploymentDescriptor, TaskExecutionState with accumulators and
 *       user exceptions, JobResult, lists) falls back, explicitly, to
 *       {@link org.millrace.rpc.netty.JavaSerializationCodec}, read with the engine's class loader and
 *       the registered jobs' class loaders.</li>
 * </ul>
 * {@link org.millrace.rpc.netty.MethodCodecs#override} replaces the choice for one method; both ends
 * must agree.
 *
 * <h2>Failures</h2>
 * Every call has the {@code rpc.timeout}; a peer that refuses the connection or cannot be reached
 * fails the call at once with "Cannot reach &lt;role&gt; at &lt;address&gt;: ..."; a connection that
 * closes fails its pending calls. Only trusted peers may connect: Java-serialized values are read.
 */
package org.millrace.rpc.netty;
