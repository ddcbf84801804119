package org.millrace.cluster;

import java.util.concurrent.CompletableFuture;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.RpcOptions;
import org.millrace.dispatcher.DispatcherGateway;
import org.millrace.ha.LeaderRetrievalUtils;
import org.millrace.ha.StandaloneHaServices;
import org.millrace.rpc.netty.NettyRpcService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a running cluster without HA (a {@link ProcessCluster}) by its JobManager's RPC address, the
 * way its TaskManagers do: {@link StandaloneHaServices} name the Dispatcher at {@code host:port/dispatcher}
 * with the fixed leader session id, and a client-side {@link NettyRpcService} (loopback, a free port,
 * {@code rpc.timeout} for every call) connects to it. The returned client's {@code close()} closes that
 * service, never the cluster. Stateless; called by the CLI's main thread.
 */
public final class StandaloneClusterRetriever {

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneClusterRetriever.class);
    private static final String LOOPBACK = "127.0.0.1";

    private StandaloneClusterRetriever() {}

    /**
     * A client of the Dispatcher at {@code host:port}. Nothing is contacted yet: an unreachable address
     * fails the client's first call with "Cannot reach Dispatcher at host:port/dispatcher: ...".
     */
    public static DispatcherClusterClient retrieve(String host, int port, Configuration configuration) {
        NettyRpcService rpcService = new NettyRpcService(LOOPBACK, LOOPBACK, 0,
                configuration.get(RpcOptions.RPC_TIMEOUT), StandaloneClusterRetriever.class.getClassLoader());
        StandaloneHaServices haServices = StandaloneHaServices.forTaskManager(host, port);
        CompletableFuture<DispatcherGateway> dispatcher = LeaderRetrievalUtils
                .retrieveLeader(haServices.getDispatcherLeaderRetriever())
                .thenCompose(leader -> rpcService.connect(leader.address(), leader.leaderSessionId(), DispatcherGateway.class));
        LOG.info("Connecting to the Dispatcher at {}:{}", host, port);
        return new DispatcherClusterClient(dispatcher, () -> {
            try {
                haServices.close();
            } finally {
                rpcService.close();
            }
        }, host + ":" + port);
    }
}
