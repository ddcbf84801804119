package org.millrace.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.millrace.resourcemanager.ResourceID;
import org.millrace.rpc.RpcEndpoint;
import org.millrace.rpc.RpcGateway;
import org.millrace.rpc.RpcService;
import org.millrace.rpc.netty.NettyRpcService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Heartbeats between two endpoints in two NettyRpcServices over loopback, the way a JobMaster
 * (sender) and a TaskExecutor (receiver) use them, with a short interval and timeout.
 */
public class HeartbeatManagerTest {

    private static final Duration INTERVAL = Duration.ofMillis(50);
    private static final Duration TIMEOUT = Duration.ofMillis(600);

    private final List<RpcEndpoint> endpoints = new ArrayList<>();
    private final List<NettyRpcService> services = new ArrayList<>();

    /** What a component's gateway adds for heartbeats (tells: a heartbeat never waits for an answer). */
    public interface HeartbeatingGateway extends RpcGateway {
        void requestHeartbeat(ResourceID origin);

        void receiveHeartbeat(ResourceID origin);

        /** Starts monitoring the peer {@code resourceId} at {@code address}. */
        CompletableFuture<Void> monitor(ResourceID resourceId, String address);
    }

    /**
     * A component with a heartbeat manager on its main thread. The listener's records are read by the
     * test thread, hence the concurrent collections.
     */
    public static final class HeartbeatingEndpoint extends RpcEndpoint implements HeartbeatingGateway {
        private final ResourceID resourceId;
        private final boolean sender;
        private HeartbeatManager<Void, Void> heartbeats;
        final List<ResourceID> timedOut = new CopyOnWriteArrayList<>();
        final AtomicInteger heartbeatsReceived = new AtomicInteger();

        HeartbeatingEndpoint(RpcService rpcService, ResourceID resourceId, boolean sender) {
            super(rpcService, resourceId.value());
            this.resourceId = resourceId;
            this.sender = sender;
        }

        @Override
        protected void onStart() {
            HeartbeatListener<Void, Void> listener = new HeartbeatListener<>() {
                @Override
                public void notifyHeartbeatTimeout(ResourceID peer) {
                    validateRunsInMainThread();
                    timedOut.add(peer);
                }

                @Override
                public void reportPayload(ResourceID peer, Void payload) {
                    validateRunsInMainThread();
                    heartbeatsReceived.incrementAndGet();
                }

                @Override
                public Void retrievePayload(ResourceID peer) {
                    return null;
                }
            };
            heartbeats = sender
                    ? HeartbeatManager.createSender(resourceId, listener, this::scheduleRunAsync, INTERVAL, TIMEOUT)
                    : HeartbeatManager.createReceiver(resourceId, listener, this::scheduleRunAsync, INTERVAL, TIMEOUT);
        }

        @Override
        protected CompletableFuture<Void> onStop() {
            heartbeats.stop();
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void requestHeartbeat(ResourceID origin) {
            heartbeats.requestHeartbeat(origin, null);
        }

        @Override
        public void receiveHeartbeat(ResourceID origin) {
            heartbeats.receiveHeartbeat(origin, null);
        }

        @Override
        public CompletableFuture<Void> monitor(ResourceID peer, String address) {
            // an unreachable peer gets no gateway (null): it never answers, and its timeout finds it out
            return getRpcService().connect(address, HeartbeatingGateway.class)
                    .exceptionally(e -> null)
                    .thenAcceptAsync(gateway -> heartbeats.monitorTarget(peer, new HeartbeatTarget<>() {
                        @Override
                        public void receiveHeartbeat(ResourceID origin, Void payload) {
                            if (gateway != null) {
                                gateway.receiveHeartbeat(origin);
                            }
                        }

                        @Override
                        public void requestHeartbeat(ResourceID origin, Void payload) {
                            if (gateway != null) {
                                gateway.requestHeartbeat(origin);
                            }
                        }
                    }), getMainThreadExecutor());
        }
    }

    private NettyRpcService service() {
        NettyRpcService service = new NettyRpcService("127.0.0.1", "127.0.0.1", 0, Duration.ofSeconds(10),
                getClass().getClassLoader());
        services.add(service);
        return service;
    }

    private HeartbeatingEndpoint started(HeartbeatingEndpoint endpoint) {
        endpoints.add(endpoint);
        endpoint.start();
        return endpoint;
    }

    @AfterEach
    void tearDown() {
        for (RpcEndpoint e : endpoints) {
            e.closeAsync().join();
        }
        for (NettyRpcService s : services) {
            s.close();
        }
    }

    @Test
    void when_bothSidesAnswer_then_nobodyTimesOut_and_whenTheReceiverStops_then_theSenderReportsItsTimeout()
            throws Exception {
        ResourceID jmId = new ResourceID("jobmaster");
        ResourceID tmId = new ResourceID("taskmanager");
        HeartbeatingEndpoint jobMaster = started(new HeartbeatingEndpoint(service(), jmId, true));
        HeartbeatingEndpoint taskManager = started(new HeartbeatingEndpoint(service(), tmId, false));
        taskManager.monitor(jmId, jobMaster.getAddress()).get(10, TimeUnit.SECONDS);
        jobMaster.monitor(tmId, taskManager.getAddress()).get(10, TimeUnit.SECONDS);

        // three timeouts long, heartbeats flow both ways and nobody is declared lost
        await().during(TIMEOUT.multipliedBy(3)).atMost(TIMEOUT.multipliedBy(5))
                .until(() -> jobMaster.timedOut.isEmpty() && taskManager.timedOut.isEmpty());
        assertThat(jobMaster.heartbeatsReceived.get()).isGreaterThan(10);
        assertThat(taskManager.heartbeatsReceived.get()).isGreaterThan(10);

        long stoppedAt = System.nanoTime();
        taskManager.closeAsync().get(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(10)).until(() -> !jobMaster.timedOut.isEmpty());
        assertThat(jobMaster.timedOut).containsExactly(tmId);
        assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt))
                .isGreaterThanOrEqualTo(TIMEOUT.minus(INTERVAL.multipliedBy(2)));
    }

    @Test
    void when_theSenderStopsAsking_then_theReceiverReportsItsTimeout() throws Exception {
        ResourceID rmId = new ResourceID("resourcemanager");
        ResourceID tmId = new ResourceID("taskmanager");
        HeartbeatingEndpoint resourceManager = started(new HeartbeatingEndpoint(service(), rmId, true));
        HeartbeatingEndpoint taskManager = started(new HeartbeatingEndpoint(service(), tmId, false));
        taskManager.monitor(rmId, resourceManager.getAddress()).get(10, TimeUnit.SECONDS);
        resourceManager.monitor(tmId, taskManager.getAddress()).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> taskManager.heartbeatsReceived.get() > 3);

        resourceManager.closeAsync().get(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(10)).until(() -> !taskManager.timedOut.isEmpty());
        assertThat(taskManager.timedOut).containsExactly(rmId);
    }

    @Test
    void when_thePeerIsUnreachable_then_itTimesOut() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ResourceID tmId = new ResourceID("taskmanager");
        HeartbeatingEndpoint jobMaster = started(new HeartbeatingEndpoint(service(), new ResourceID("jm"), true));

        jobMaster.monitor(tmId, "127.0.0.1:" + closedPort + "/taskmanager").get(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(10)).until(() -> !jobMaster.timedOut.isEmpty());
        assertThat(jobMaster.timedOut).containsExactly(tmId);
        assertThat(jobMaster.heartbeatsReceived.get()).isZero();
    }
}
