package org.millrace.network.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.millrace.network.partition.ResultPartitionProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a TaskManager's result partitions to consumers on other TaskManagers: one pipeline per
 * accepted connection (frame decoder, message encoder, {@link PartitionRequestServerHandler},
 * {@link PartitionRequestQueue}). Started and shut down by the shuffle environment; the pipelines
 * run on the server's event-loop threads.
 */
final class NettyServer {

    private static final Logger LOG = LoggerFactory.getLogger(NettyServer.class);

    private final EventLoopGroup group;
    private final Channel serverChannel;

    /** Counted by the accepting I/O thread; read by tests. */
    private final AtomicInteger acceptedConnections = new AtomicInteger();

    NettyServer(NettyConfig config, ResultPartitionProvider partitionProvider, int maxFrameLength) throws IOException {
        this.group = new MultiThreadIoEventLoopGroup(config.serverThreads(),
                new DefaultThreadFactory("millrace-netty-server", true), NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        acceptedConnections.incrementAndGet();
                        PartitionRequestQueue queue = new PartitionRequestQueue();
                        channel.pipeline().addLast(NettyMessageEncoder.INSTANCE, new NettyMessageDecoder(maxFrameLength),
                                new PartitionRequestServerHandler(partitionProvider, queue), queue);
                    }
                });
        try {
            this.serverChannel = bootstrap.bind(config.host(), config.port()).sync().channel();
        } catch (Exception e) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw new IOException("Could not bind the data port " + config.host() + ":" + config.port(), e);
        }
        LOG.info("Serving result partitions on {}", serverChannel.localAddress());
    }

    int getPort() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    int getNumberOfAcceptedConnections() {
        return acceptedConnections.get();
    }

    /** Closes the server socket and every accepted connection, waiting for the event loops to stop. */
    void shutdown() {
        serverChannel.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
