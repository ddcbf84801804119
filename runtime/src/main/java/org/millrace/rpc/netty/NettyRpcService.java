package org.millrace.rpc.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.millrace.api.JobID;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.RpcOptions;
import org.millrace.rpc.FencedRpcGateway;
import org.millrace.rpc.FencingTokenException;
import org.millrace.rpc.LocalGateways;
import org.millrace.rpc.RpcEndpoint;
import org.millrace.rpc.RpcException;
import org.millrace.rpc.RpcGateway;
import org.millrace.rpc.RpcService;
import org.millrace.rpc.netty.message.GatewayReference;
import org.millrace.rpc.netty.message.RpcError;
import org.millrace.rpc.netty.message.RpcFrame;
import org.millrace.rpc.netty.message.RpcRequest;
import org.millrace.rpc.netty.message.RpcResponse;
import org.millrace.rpc.netty.message.RpcSuccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RpcService} across processes: serves this JVM's endpoints on a TCP port (addresses
 * {@code host:port/endpointId}) and connects gateways to other services' endpoints over Netty, each
 * call an Avro {@code RpcRequest} (rpc-envelope.avdl) answered by an {@code RpcResponse}. One
 * connection per remote service, shared by all gateways to it and multiplexed by request id. Every
 * call has a timeout ({@code rpc.timeout}); an unreachable peer fails a call at once with
 * {@link RpcConnectionException} ("Cannot reach &lt;role&gt; at &lt;address&gt;: ..."); a connection that
 * closes fails its pending calls. Gateways to endpoints of this same service hop directly onto the
 * endpoint's main thread, as with {@link org.millrace.rpc.LocalRpcService}.
 *
 * <p>Start one per process: {@code new NettyRpcService("0.0.0.0", "tm-host", 0, configuration)}.
 * Thread-safe: used from every endpoint's main thread and client threads; Netty's I/O threads
 * ({@code millrace-rpc-io-*}) read and write, the callback threads ({@code millrace-rpc-callback-*})
 * complete callers' futures.
 */
public final class NettyRpcService implements RpcService, CodecContext {

    private static final Logger LOG = LoggerFactory.getLogger(NettyRpcService.class);
    private static final String CONNECT = "$connect";
    private static final int MAX_FRAME_BYTES = 256 * 1024 * 1024;
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final String hostPort;
    private final Duration timeout;
    private final UserCodeClassLoader classLoader;
    private final MethodCodecs codecs = new MethodCodecs();
    private final EventLoopGroup ioGroup;
    private final ExecutorService callbackPool;
    /** Completes callers' futures; once the pool is shut down, in the calling thread (late answers, closing). */
    private final Executor callbackExecutor = this::runCallback;
    private final Channel serverChannel;
    /**
     * Connections other services opened to this one. Closed explicitly on {@link #close()} so their
     * peers see the close at once, rather than whenever the event loops get round to it.
     */
    private final ChannelGroup acceptedChannels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final ConcurrentHashMap<String, RpcEndpoint> endpoints = new ConcurrentHashMap<>();
    /** Keyed by host:port; a failed or closed connection is replaced on the next call. */
    private final ConcurrentHashMap<String, CompletableFuture<RpcClientConnection>> connections =
            new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Class<?>> gatewayTypes = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** Listens on {@code bindHost:port} (0 = any free port); addresses name {@code advertisedHost}. */
    public NettyRpcService(String bindHost, String advertisedHost, int port, Configuration configuration) {
        this(bindHost, advertisedHost, port, configuration.get(RpcOptions.RPC_TIMEOUT),
                NettyRpcService.class.getClassLoader());
    }

    /**
     * As above, with the call timeout and the engine's class loader for Java-serialized arguments and
     * results given directly.
     */
    public NettyRpcService(String bindHost, String advertisedHost, int port, Duration timeout, ClassLoader classLoader) {
        this.timeout = timeout;
        this.classLoader = new UserCodeClassLoader(classLoader);
        int instance = INSTANCES.incrementAndGet();
        AtomicInteger ioThreads = new AtomicInteger();
        ThreadFactory ioThreadFactory = r -> daemon(r, "millrace-rpc-io-" + instance + "-" + ioThreads.incrementAndGet());
        this.ioGroup = new MultiThreadIoEventLoopGroup(2, ioThreadFactory, NioIoHandler.newFactory());
        AtomicInteger callbackThreads = new AtomicInteger();
        this.callbackPool = Executors.newCachedThreadPool(r -> daemon(r, "millrace-rpc-callback-" + instance + "-"
                + callbackThreads.incrementAndGet()));
        RpcServerHandler serverHandler = new RpcServerHandler(this);
        ServerBootstrap server = new ServerBootstrap()
                .group(ioGroup)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        acceptedChannels.add(ch);
                        addFraming(ch).addLast(serverHandler);
                    }
                });
        try {
            this.serverChannel = server.bind(bindHost, port).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            ioGroup.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            callbackPool.shutdown();
            throw new RpcException("Cannot listen for RPC on " + bindHost + ":" + port + ": " + e.getMessage(), e);
        }
        this.hostPort = advertisedHost + ":" + ((InetSocketAddress) serverChannel.localAddress()).getPort();
        LOG.info("RPC service listening on {} (bound to {})", hostPort, serverChannel.localAddress());
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static ChannelPipeline addFraming(SocketChannel ch) {
        return ch.pipeline()
                .addLast(new LengthFieldBasedFrameDecoder(MAX_FRAME_BYTES, 0, 4, 0, 4))
                .addLast(new LengthFieldPrepender(4))
                .addLast(RpcFrameCodec.INSTANCE);
    }

    /** {@code host:port} of this service, the prefix of its endpoints' addresses. */
    public String getHostPort() {
        return hostPort;
    }

    /**
     * Lets Java-serialized values of {@code jobId} (accumulators, user exceptions) be read with the
     * job's class loader; unregister when the job's last task or slot is gone from this process.
     */
    @Override
    public void registerUserCodeClassLoader(JobID jobId, ClassLoader jobClassLoader) {
        classLoader.register(jobId, jobClassLoader);
    }

    @Override
    public void unregisterUserCodeClassLoader(JobID jobId) {
        classLoader.unregister(jobId);
    }

    /** The codecs of gateway methods; override one before the first call through it. */
    public MethodCodecs codecs() {
        return codecs;
    }

    Duration timeout() {
        return timeout;
    }

    // ---------------------------------------------------------------- serving

    @Override
    public String startServer(RpcEndpoint endpoint) {
        if (closed) {
            throw new RpcException("The RPC service is closed");
        }
        if (endpoints.putIfAbsent(endpoint.getEndpointId(), endpoint) != null) {
            throw new IllegalStateException("An endpoint is already registered as " + endpoint.getEndpointId());
        }
        return hostPort + "/" + endpoint.getEndpointId();
    }

    @Override
    public void stopServer(RpcEndpoint endpoint) {
        endpoints.remove(endpoint.getEndpointId(), endpoint);
    }

    /** Runs a received request through a local gateway (fencing check, main thread) and answers it. */
    void serve(RpcRequest request, Channel channel) {
        long id = request.getRequestId();
        CompletableFuture<?> result;
        MethodCodecs.Codecs methodCodecs = null;
        try {
            RpcEndpoint endpoint = endpoints.get(request.getEndpointId());
            if (endpoint == null) {
                throw new RpcException("No endpoint " + request.getEndpointId() + " is running at " + hostPort);
            }
            Class<? extends RpcGateway> gatewayType = gatewayType(request.getGateway());
            if (request.getMethod().equals(CONNECT)) {
                if (!gatewayType.isInstance(endpoint)) {
                    throw new RpcException(endpoint + " does not serve " + gatewayType.getSimpleName());
                }
                result = CompletableFuture.completedFuture(null);
            } else {
                UUID token = request.getFencingToken() == null ? null : UUID.fromString(request.getFencingToken());
                if (token == null && FencedRpcGateway.class.isAssignableFrom(gatewayType)) {
                    throw new FencingTokenException(gatewayType.getSimpleName() + "." + request.getMethod()
                            + " to " + hostPort + "/" + request.getEndpointId() + " carries no fencing token");
                }
                Method method = method(gatewayType, request.getMethod(), request.getArguments().size());
                // decoded here on the I/O thread: a value that cannot be read fails only this call
                methodCodecs = codecs.of(method);
                Object[] args = decodeArguments(methodCodecs, request.getArguments());
                RpcGateway gateway = LocalGateways.create(endpoint, gatewayType, token);
                result = (CompletableFuture<?>) method.invoke(gateway, args);
            }
        } catch (InvocationTargetException e) {
            result = CompletableFuture.failedFuture(e.getCause());
        } catch (Exception e) {
            result = CompletableFuture.failedFuture(e);
        }
        if (id < 0) {
            return; // a void call: nobody waits for the answer
        }
        MethodCodecs.Codecs resultCodecs = methodCodecs;
        result.whenComplete((value, error) -> channel.writeAndFlush(new RpcFrame(answer(id, value, error, resultCodecs))));
    }

    private RpcResponse answer(long id, Object value, Throwable error, MethodCodecs.Codecs methodCodecs) {
        if (error == null) {
            try {
                ByteBuffer bytes = value == null ? null : ByteBuffer.wrap(methodCodecs.result().encode(value, this));
                return new RpcResponse(id, new RpcSuccess(bytes));
            } catch (RuntimeException e) {
                error = e;
            }
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return new RpcResponse(id, errorOf(cause));
    }

    private static RpcError errorOf(Throwable error) {
        StringWriter stack = new StringWriter();
        error.printStackTrace(new PrintWriter(stack));
        ByteBuffer serialized;
        try {
            serialized = ByteBuffer.wrap(JavaSerializationCodec.serialize(error));
        } catch (RuntimeException e) {
            serialized = null; // not serializable: the caller gets a RemoteRpcException
        }
        return new RpcError(error.getClass().getName(), error.getMessage(), stack.toString(), serialized);
    }

    /** Rebuilds a remote failure: the exception itself if this side can read it. */
    Throwable decodeError(RpcError error) {
        if (error.getSerializedThrowable() != null) {
            try {
                return (Throwable) JavaSerializationCodec.deserialize(bytesOf(error.getSerializedThrowable()), classLoader);
            } catch (RuntimeException e) {
                LOG.debug("Cannot rebuild a remote {}", error.getClassName(), e);
            }
        }
        return new RemoteRpcException(error.getClassName(), error.getMessage(), error.getStackTrace());
    }

    private Object[] decodeArguments(MethodCodecs.Codecs methodCodecs, List<ByteBuffer> arguments) {
        Object[] args = new Object[arguments.size()];
        for (int i = 0; i < args.length; i++) {
            ByteBuffer b = arguments.get(i);
            args[i] = b == null ? null : methodCodecs.parameters()[i].decode(bytesOf(b), this);
        }
        return args;
    }

    @SuppressWarnings("unchecked")
    private Class<? extends RpcGateway> gatewayType(String name) {
        Class<?> type = gatewayTypes.computeIfAbsent(name, n -> {
            try {
                return Class.forName(n, false, classLoader);
            } catch (ClassNotFoundException e) {
                throw new RpcException("Unknown gateway type " + n);
            }
        });
        if (!RpcGateway.class.isAssignableFrom(type) || !type.isInterface()) {
            throw new RpcException(name + " is not a gateway interface");
        }
        return (Class<? extends RpcGateway>) type;
    }

    private static Method method(Class<?> gatewayType, String name, int parameterCount) {
        for (Method m : gatewayType.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == parameterCount) {
                return m;
            }
        }
        throw new RpcException(gatewayType.getSimpleName() + " has no method " + name + " with "
                + parameterCount + " parameters");
    }

    static byte[] bytesOf(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return bytes;
    }

    // ---------------------------------------------------------------- connecting

    @Override
    public <G extends RpcGateway> CompletableFuture<G> connect(String address, Class<G> gatewayType) {
        return connect(address, null, gatewayType, false);
    }

    @Override
    public <G extends FencedRpcGateway> CompletableFuture<G> connect(String address, UUID fencingToken, Class<G> gatewayType) {
        return connect(address, fencingToken, gatewayType, true);
    }

    private <G extends RpcGateway> CompletableFuture<G> connect(
            String address, UUID fencingToken, Class<G> gatewayType, boolean fenced) {
        if (fenced != FencedRpcGateway.class.isAssignableFrom(gatewayType)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(gatewayType.getSimpleName()
                    + (fenced ? " is not fenced" : " is fenced: connect with the leader's fencing token")));
        }
        try {
            RpcAddress target = RpcAddress.parse(address);
            if (target.hostPort().equals(hostPort)) {
                RpcEndpoint endpoint = closed ? null : endpoints.get(target.endpointId());
                if (endpoint == null) {
                    return CompletableFuture.failedFuture(new RpcException("No endpoint is running at " + address));
                }
                return CompletableFuture.completedFuture(LocalGateways.create(endpoint, gatewayType, fencingToken));
            }
            G gateway = RemoteGatewayProxy.create(this, target, gatewayType, fencingToken);
            RpcRequest handshake = RpcRequest.newBuilder()
                    .setRequestId(0L).setEndpointId(target.endpointId()).setFencingToken(null)
                    .setGateway(gatewayType.getName()).setMethod(CONNECT).setArguments(new ArrayList<>()).build();
            String role = RemoteGatewayProxy.roleOf(gatewayType);
            return connection(target)
                    .exceptionallyCompose(e -> CompletableFuture.failedFuture(new RpcConnectionException(
                            "Cannot reach " + role + " at " + address + ": " + messageOf(e), e)))
                    .thenCompose(c -> c.call(handshake, "Connecting " + gatewayType.getSimpleName() + " to " + address,
                            timeout))
                    .thenApply(ignored -> gateway);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A gateway for a reference received on the wire: local if the endpoint lives here, else remote (lazy). */
    @Override
    public RpcGateway gatewayFor(GatewayReference reference) {
        Class<? extends RpcGateway> type = gatewayType(reference.getGatewayType());
        UUID token = reference.getFencingToken() == null ? null : UUID.fromString(reference.getFencingToken());
        RpcAddress target = RpcAddress.parse(reference.getAddress());
        if (target.hostPort().equals(hostPort)) {
            RpcEndpoint endpoint = endpoints.get(target.endpointId());
            if (endpoint != null) {
                return LocalGateways.create(endpoint, type, token);
            }
        }
        return RemoteGatewayProxy.create(this, target, type, token);
    }

    @Override
    public ClassLoader classLoader() {
        return classLoader;
    }

    /** The open connection to the service at {@code target}, connecting if there is none. */
    CompletableFuture<RpcClientConnection> connection(RpcAddress target) {
        if (closed) {
            return CompletableFuture.failedFuture(new RpcException("The RPC service is closed"));
        }
        String key = target.hostPort();
        CompletableFuture<RpcClientConnection> existing = connections.get(key);
        if (existing != null && !existing.isCompletedExceptionally() && (!existing.isDone() || existing.join().isOpen())) {
            return existing;
        }
        CompletableFuture<RpcClientConnection> fresh = new CompletableFuture<>();
        boolean won = existing == null ? connections.putIfAbsent(key, fresh) == null : connections.replace(key, existing, fresh);
        if (!won) {
            return connection(target);
        }
        open(target, fresh);
        return fresh;
    }

    private void open(RpcAddress target, CompletableFuture<RpcClientConnection> result) {
        RpcClientConnection connection = new RpcClientConnection(target.hostPort(), callbackExecutor, this::decodeError);
        Bootstrap bootstrap = new Bootstrap()
                .group(ioGroup)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        addFraming(ch).addLast(connection);
                    }
                });
        ChannelFuture connected = bootstrap.connect(target.host(), target.port());
        connected.addListener(f -> {
            if (f.isSuccess()) {
                connection.setChannel(connected.channel());
                connected.channel().closeFuture().addListener(c -> connections.remove(target.hostPort(), result));
                callbackExecutor.execute(() -> result.complete(connection));
            } else {
                // the next call tries again
                connections.remove(target.hostPort(), result);
                Throwable cause = f.cause();
                callbackExecutor.execute(() -> result.completeExceptionally(cause));
            }
        });
    }

    private static String messageOf(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    /** Closes the listening socket and every connection (failing pending calls); endpoints stop with their owners. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        serverChannel.close().syncUninterruptibly();
        acceptedChannels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        for (CompletableFuture<RpcClientConnection> c : connections.values()) {
            c.thenAccept(RpcClientConnection::close);
        }
        ioGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        callbackPool.shutdown();
    }

    private void runCallback(Runnable callback) {
        try {
            callbackPool.execute(callback);
        } catch (RejectedExecutionException e) {
            callback.run();
        }
    }

    @Override
    public String toString() {
        return "NettyRpcService@" + hostPort;
    }
}
