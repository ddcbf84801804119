package org.millrace.rpc.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.millrace.api.JobID;
import org.millrace.network.ConnectionID;
import org.millrace.resourcemanager.AllocationID;
import org.millrace.resourcemanager.ResourceID;
import org.millrace.resourcemanager.SlotID;
import org.millrace.resourcemanager.SlotReport;
import org.millrace.resourcemanager.SlotStatus;
import org.millrace.resourcemanager.TaskExecutorRegistration;
import org.millrace.rpc.FencedRpcEndpoint;
import org.millrace.rpc.FencedRpcGateway;
import org.millrace.rpc.FencingTokenException;
import org.millrace.rpc.RpcEndpoint;
import org.millrace.rpc.RpcException;
import org.millrace.rpc.RpcGateway;
import org.millrace.rpc.RpcService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two NettyRpcServices in one JVM talking over real loopback sockets. */
public class NettyRpcServiceTest {

    private static final Duration LONG_TIMEOUT = Duration.ofSeconds(30);

    private final List<RpcEndpoint> endpoints = new ArrayList<>();
    private final List<NettyRpcService> services = new ArrayList<>();

    public interface EchoGateway extends RpcGateway {
        CompletableFuture<String> echo(String text);

        CompletableFuture<Integer> add(int a, int b);

        CompletableFuture<String> threadName();

        CompletableFuture<TaskExecutorRegistration> register(TaskExecutorRegistration registration);

        /** Never answers. */
        CompletableFuture<Void> never();

        CompletableFuture<String> fail(String message);

        CompletableFuture<String> failUnserializable();

        /** Calls back the leader it is handed: a gateway as an argument. */
        CompletableFuture<String> askLeader(LeaderGateway leader);

        void append(int value);

        CompletableFuture<List<Integer>> values();
    }

    public interface LeaderGateway extends FencedRpcGateway {
        CompletableFuture<String> hello();
    }

    /** An exception that cannot be Java-serialized: the caller gets a RemoteRpcException. */
    static final class UnserializableException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        @SuppressWarnings("unused") // a Thread field makes Java serialization fail
        private final Thread notSerializable = Thread.currentThread();

        UnserializableException(String message) {
            super(message);
        }
    }

    /** State touched only by its main thread. */
    public static final class EchoEndpoint extends RpcEndpoint implements EchoGateway {
        private final List<Integer> values = new ArrayList<>();

        EchoEndpoint(RpcService rpcService) {
            super(rpcService, "echo");
        }

        @Override
        public CompletableFuture<String> echo(String text) {
            return CompletableFuture.completedFuture(text);
        }

        @Override
        public CompletableFuture<Integer> add(int a, int b) {
            return CompletableFuture.completedFuture(a + b);
        }

        @Override
        public CompletableFuture<String> threadName() {
            return CompletableFuture.completedFuture(Thread.currentThread().getName());
        }

        @Override
        public CompletableFuture<TaskExecutorRegistration> register(TaskExecutorRegistration registration) {
            return CompletableFuture.completedFuture(registration);
        }

        @Override
        public CompletableFuture<Void> never() {
            return new CompletableFuture<>();
        }

        @Override
        public CompletableFuture<String> fail(String message) {
            return CompletableFuture.failedFuture(new IllegalStateException(message));
        }

        @Override
        public CompletableFuture<String> failUnserializable() {
            throw new UnserializableException("cannot travel");
        }

        @Override
        public CompletableFuture<String> askLeader(LeaderGateway leader) {
            return leader.hello().thenApply(answer -> answer + " via " + leader.getAddress());
        }

        @Override
        public void append(int value) {
            validateRunsInMainThread();
            values.add(value);
        }

        @Override
        public CompletableFuture<List<Integer>> values() {
            return CompletableFuture.completedFuture(List.copyOf(values));
        }
    }

    public static final class LeaderEndpoint extends FencedRpcEndpoint implements LeaderGateway {
        LeaderEndpoint(RpcService rpcService, UUID token) {
            super(rpcService, "leader", token);
        }

        @Override
        public CompletableFuture<String> hello() {
            return CompletableFuture.completedFuture("hello from " + getFencingToken());
        }

        CompletableFuture<Void> newSession(UUID token) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            runAsync(() -> {
                setFencingToken(token);
                done.complete(null);
            });
            return done;
        }
    }

    private NettyRpcService service(Duration timeout) {
        NettyRpcService service = new NettyRpcService("127.0.0.1", "127.0.0.1", 0, timeout, getClass().getClassLoader());
        services.add(service);
        return service;
    }

    private <E extends RpcEndpoint> E started(E endpoint) {
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
    void when_remoteGatewayIsCalled_then_callsRunOnTheEndpointMainThreadAndAnswersComeBack() throws Exception {
        NettyRpcService server = service(LONG_TIMEOUT);
        NettyRpcService client = service(LONG_TIMEOUT);
        EchoEndpoint endpoint = started(new EchoEndpoint(server));

        EchoGateway gateway = client.connect(endpoint.getAddress(), EchoGateway.class).get(10, TimeUnit.SECONDS);

        assertThat(endpoint.getAddress()).isEqualTo(server.getHostPort() + "/echo");
        assertThat(gateway.getAddress()).isEqualTo(endpoint.getAddress());
        assertThat(gateway.echo("über ✓").get()).isEqualTo("über ✓");
        assertThat(gateway.echo(null).get()).isNull();
        assertThat(gateway.add(40, 2).get()).isEqualTo(42);
        assertThat(gateway.threadName().get()).isEqualTo("millrace-echo");
    }

    @Test
    void when_typedControlMessageTravels_then_itArrivesEqual() throws Exception {
        NettyRpcService server = service(LONG_TIMEOUT);
        NettyRpcService client = service(LONG_TIMEOUT);
        EchoEndpoint endpoint = started(new EchoEndpoint(server));
        EchoGateway gateway = client.connect(endpoint.getAddress(), EchoGateway.class).get(10, TimeUnit.SECONDS);
        ResourceID tm = new ResourceID("tm-1");
        TaskExecutorRegistration registration = new TaskExecutorRegistration(tm, "127.0.0.1:4711/tm-1",
                new ConnectionID("tm-1", "127.0.0.1", 4712),
                new SlotReport(List.of(
                        new SlotStatus(new SlotID(tm, 0), null, null),
                        new SlotStatus(new SlotID(tm, 1), new AllocationID(UUID.randomUUID()), JobID.generate()))));

        assertThat(gateway.register(registration).get()).isEqualTo(registration);
    }

    @Test
    void when_voidCallsAreSent_then_theyRunInOrder() throws Exception {
        NettyRpcService server = service(LONG_TIMEOUT);
        NettyRpcService client = service(LONG_TIMEOUT);
        EchoEndpoint endpoint = started(new EchoEndpoint(server));
        EchoGateway gateway = client.connect(endpoint.getAddress(), EchoGateway.class).get(10, TimeUnit.SECONDS);

        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            gateway.append(i);
            expected.add(i);
        }

        // the ask travels on the same connection after the tells, so it sees all of them
        assertThat(gateway.values().get()).isEqualTo(expected);
    }

    @Test
    void when_gatewayIsPassedAsArgument_then_theReceiverCallsItBackWithItsFencingToken() throws Exception {
        NettyRpcService a = service(LONG_TIMEOUT);
        NettyRpcService b = service(LONG_TIMEOUT);
        UUID token = UUID.randomUUID();
        LeaderEndpoint leader = started(new LeaderEndpoint(a, token));
        EchoEndpoint echo = started(new EchoEndpoint(b));
        LeaderGateway leaderGateway = a.connect(leader.getAddress(), token, LeaderGateway.class).get();
        EchoGateway echoGateway = a.connect(echo.getAddress(), EchoGateway.class).get(10, TimeUnit.SECONDS);

        assertThat(echoGateway.askLeader(leaderGateway).get(10, TimeUnit.SECONDS))
                .isEqualTo("hello from " + token + " via " + leader.getAddress());
    }

    @Test
    void when_callCarriesAStaleFencingToken_then_itIsRejected() throws Exception {
        NettyRpcService server = service(LONG_TIMEOUT);
        NettyRpcService client = service(LONG_TIMEOUT);
        UUID first = UUID.randomUUID();
        LeaderEndpoint leader = started(new LeaderEndpoint(server, first));
        LeaderGateway stale = client.connect(leader.getAddress(), first, LeaderGateway.class).get(10, TimeUnit.SECONDS);
        assertThat(stale.hello().get()).isEqualTo("hello from " + first);

        UUID second = UUID.randomUUID();
        leader.newSession(second).get();

        assertThatThrownBy(() -> stale.hello().get())
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(FencingTokenException.class)
                .hasMessageContaining("the call carries " + first)
                .hasMessageContaining("the leader's is " + second);
        LeaderGateway current = client.connect(leader.getAddress(), second, LeaderGateway.class).get();
        assertThat(current.hello().get()).isEqualTo("hello from " + second);
    }

    @Test
    void when_endpointNeverAnswers_then_theCallTimesOutNamingGatewayMethodAndAddress() throws Exception {
        NettyRpcService server = service(LONG_TIMEOUT);
        NettyRpcService client = service(Duration.ofMillis(300));
        EchoEndpoint endpoint = started(new EchoEndpoint(server));
        EchoGateway gateway = client.connect(endpoint.getAddress(), EchoGateway.class).get(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> gateway.never().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(TimeoutException.class)
                .hasMessage("EchoGateway.never to " + endpoint.getAddress() + " got no answer within 300 ms (rpc.timeout)");
        // the connection stays usable
        assertThat(gateway.echo("still there").get(10, TimeUnit.SECONDS)).isEqualTo("still there");
    }

    @Test
    void when_nothingListensAtTheAddress_then_connectAndCallsFailAtOnceNamingRoleAndAddress() throws Exception {
        NettyRpcService client = service(LONG_TIMEOUT);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String address = "127.0.0.1:" + closedPort + "/echo";

        long start = System.nanoTime();
        assertThatThrownBy(() -> client.connect(address, EchoGateway.class).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(RpcConnectionException.class)
                .hasMessageStartingWith("Cannot reach Echo at " + address + ": ")
                .hasMessageContaining("Connection refused");
        // far below the 30 s call timeout: a refused connection is not waited out
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void when_peerGoesAway_then_laterCallsFailNamingRoleAndAddress() throws Exception {
        NettyRpcService server = service(LONG_TIMEOUT);
        NettyRpcService client = service(LONG_TIMEOUT);
        EchoEndpoint endpoint = started(new EchoEndpoint(server));
        EchoGateway gateway = client.connect(endpoint.getAddress(), EchoGateway.class).get(10, TimeUnit.SECONDS);
        assertThat(gateway.echo("hi").get()).isEqualTo("hi");

        endpoint.closeAsync().get(10, TimeUnit.SECONDS);
        server.close();

        assertThatThrownBy(() -> gateway.echo("anyone?").get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(RpcException.class)
                .hasMessageContaining(server.getHostPort());
    }

    @Test
    void when_connectionDrops_then_pendingCallsFailAtOnce() throws Exception {
        NettyRpcService server = service(LONG_TIMEOUT);
        NettyRpcService client = service(LONG_TIMEOUT);
        EchoEndpoint endpoint = started(new EchoEndpoint(server));
        EchoGateway gateway = client.connect(endpoint.getAddress(), EchoGateway.class).get(10, TimeUnit.SECONDS);
        CompletableFuture<Void> first = gateway.never();
        CompletableFuture<Void> second = gateway.never();
        // both requests have reached the server once a later call is answered on the same connection
        assertThat(gateway.echo("sync").get(10, TimeUnit.SECONDS)).isEqualTo("sync");

        server.close();

        for (CompletableFuture<Void> pending : List.of(first, second)) {
            assertThatThrownBy(() -> pending.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(RpcException.class)
                    .hasMessage("The connection to " + server.getHostPort() + " closed before EchoGateway.never to "
                            + endpoint.getAddress() + " was answered");
        }
    }

    @Test
    void when_remoteCallFails_then_theCallerSeesTheRemoteException() throws Exception {
        NettyRpcService server = service(LONG_TIMEOUT);
        NettyRpcService client = service(LONG_TIMEOUT);
        EchoEndpoint endpoint = started(new EchoEndpoint(server));
        EchoGateway gateway = client.connect(endpoint.getAddress(), EchoGateway.class).get(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> gateway.fail("boom").get())
                .cause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("boom");
        assertThatThrownBy(() -> gateway.failUnserializable().get())
                .cause()
                .isInstanceOf(RemoteRpcException.class)
                .hasMessage(UnserializableException.class.getName() + ": cannot travel")
                .satisfies(e -> assertThat(((RemoteRpcException) e).getRemoteStackTrace())
                        .contains("failUnserializable"));
    }

    @Test
    void when_noEndpointHasTheId_then_connectFails() {
        NettyRpcService server = service(LONG_TIMEOUT);
        NettyRpcService client = service(LONG_TIMEOUT);

        assertThatThrownBy(() -> client.connect(server.getHostPort() + "/nobody", EchoGateway.class).get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(RpcException.class)
                .hasMessage("No endpoint nobody is running at " + server.getHostPort());
    }

    @Test
    void when_endpointIsInTheSameService_then_theGatewayHopsDirectly() throws Exception {
        NettyRpcService server = service(LONG_TIMEOUT);
        EchoEndpoint endpoint = started(new EchoEndpoint(server));

        EchoGateway gateway = server.connect(endpoint.getAddress(), EchoGateway.class).get();

        assertThat(java.lang.reflect.Proxy.getInvocationHandler(gateway)).isNotInstanceOf(RemoteGatewayProxy.class);
        assertThat(gateway.threadName().get()).isEqualTo("millrace-echo");
    }

    @Test
    void when_fencedGatewayIsConnectedWithoutFencing_then_connectFails() {
        NettyRpcService client = service(LONG_TIMEOUT);

        assertThatThrownBy(() -> client.connect("127.0.0.1:1/leader", LeaderGateway.class).get())
                .cause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is fenced");
    }

}
