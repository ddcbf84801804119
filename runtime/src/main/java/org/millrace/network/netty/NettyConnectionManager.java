package org.millrace.network.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.millrace.network.ConnectionID;
import org.millrace.network.consumer.ConnectionManager;
import org.millrace.network.consumer.PartitionRequestClient;

/**
 * The client side of a TaskManager's data plane: one TCP connection per producer TaskManager
 * ({@code host:dataPort}), made on first use and shared by every remote channel that reads from
 * it. A failed connection attempt is forgotten, so a later request tries again. Thread-safe: task
 * threads ask for clients; the connections run on the client event loop.
 */
final class NettyConnectionManager implements ConnectionManager {

    private record Address(String host, int port) {}

    private final EventLoopGroup group;
    private final Bootstrap bootstrap;

    private final ConcurrentHashMap<Address, CompletableFuture<PartitionRequestClient>> clients = new ConcurrentHashMap<>();

    NettyConnectionManager(int threads, int maxFrameLength) {
        this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("millrace-netty-client", true),
                NioIoHandler.newFactory());
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(NettyMessageEncoder.INSTANCE, new NettyMessageDecoder(maxFrameLength),
                                new CreditBasedPartitionRequestClientHandler());
                    }
                });
    }

    @Override
    public CompletableFuture<PartitionRequestClient> createPartitionRequestClient(ConnectionID producerLocation) {
        Address address = new Address(producerLocation.host(), producerLocation.dataPort());
        return clients.computeIfAbsent(address, this::connect);
    }

    private CompletableFuture<PartitionRequestClient> connect(Address address) {
        CompletableFuture<PartitionRequestClient> result = new CompletableFuture<>();
        bootstrap.connect(address.host(), address.port()).addListener((ChannelFutureListener) future -> {
            if (future.isSuccess()) {
                // A closed connection is forgotten, so that the next channel reconnects.
                future.channel().closeFuture().addListener(closed -> clients.remove(address, result));
                result.complete(new NettyPartitionRequestClient(future.channel(),
                        future.channel().pipeline().get(CreditBasedPartitionRequestClientHandler.class)));
            } else {
                clients.remove(address, result);
                result.completeExceptionally(new RemoteTransportException(
                        "Could not connect to " + address.host() + ":" + address.port(), future.cause()));
            }
        });
        return result;
    }

    int getNumberOfConnections() {
        int n = 0;
        for (CompletableFuture<PartitionRequestClient> client : clients.values()) {
            if (client.isDone() && !client.isCompletedExceptionally()) {
                n++;
            }
        }
        return n;
    }

    /** Closes every connection (their channels fail) and stops the event loop. */
    void shutdown() {
        for (CompletableFuture<PartitionRequestClient> client : clients.values()) {
            client.thenAccept(c -> ((NettyPartitionRequestClient) c).getChannel().close());
        }
        clients.clear();
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
