package org.millrace.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalRpcServiceTest {

    private final LocalRpcService rpcService = new LocalRpcService();
    private final List<RpcEndpoint> endpoints = new ArrayList<>();

    interface CounterGateway extends RpcGateway {
        CompletableFuture<Integer> append(int value);

        CompletableFuture<String> threadName();

        CompletableFuture<List<Integer>> values();
    }

    interface LeaderGateway extends FencedRpcGateway {
        CompletableFuture<String> hello();
    }

    interface BadGateway extends RpcGateway {
        String notAFuture();
    }

    /** State touched only by its main thread, as in every component. */
    static final class CounterEndpoint extends RpcEndpoint implements CounterGateway {
        private final List<Integer> values = new ArrayList<>();

        CounterEndpoint(RpcService rpcService, String id) {
            super(rpcService, id);
        }

        @Override
        public CompletableFuture<Integer> append(int value) {
            validateRunsInMainThread();
            values.add(value);
            return CompletableFuture.completedFuture(values.size());
        }

        @Override
        public CompletableFuture<String> threadName() {
            return CompletableFuture.completedFuture(Thread.currentThread().getName());
        }

        @Override
        public CompletableFuture<List<Integer>> values() {
            return CompletableFuture.completedFuture(List.copyOf(values));
        }
    }

    static final class LeaderEndpoint extends FencedRpcEndpoint implements LeaderGateway {
        LeaderEndpoint(RpcService rpcService, UUID token) {
            super(rpcService, "leader", token);
        }

        @Override
        public CompletableFuture<String> hello() {
            return CompletableFuture.completedFuture("hello from " + getFencingToken());
        }

        /** A new leader session, taken on the main thread. */
        CompletableFuture<Void> newSession(UUID token) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            runAsync(() -> {
                setFencingToken(token);
                done.complete(null);
            });
            return done;
        }
    }

    private <E extends RpcEndpoint> E started(E endpoint) {
        endpoints.add(endpoint);
        endpoint.start();
        return endpoint;
    }

    @AfterEach
    void stopEndpoints() {
        for (RpcEndpoint e : endpoints) {
            e.closeAsync().join();
        }
        rpcService.close();
    }

    @Test
    void when_gatewayIsCalledFromManyThreads_then_everyCallRunsOnTheEndpointMainThread() throws Exception {
        CounterEndpoint endpoint = started(new CounterEndpoint(rpcService, "counter"));
        CounterGateway gateway = rpcService.connect(endpoint.getAddress(), CounterGateway.class).get();

        List<Thread> callers = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            Thread t = new Thread(() -> {
                for (int i = 0; i < 250; i++) {
                    gateway.append(i);
                }
            });
            callers.add(t);
            t.start();
        }
        for (Thread t : callers) {
            t.join();
        }

        assertThat(gateway.threadName().get()).isEqualTo("millrace-counter");
        assertThat(gateway.values().get()).hasSize(1000);
    }

    @Test
    void when_oneCallerCallsInSequence_then_callsRunInThatOrder() throws Exception {
        CounterEndpoint endpoint = started(new CounterEndpoint(rpcService, "counter"));
        CounterGateway gateway = rpcService.connect(endpoint.getAddress(), CounterGateway.class).get();

        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            gateway.append(i);
            expected.add(i);
        }

        assertThat(gateway.values().get()).isEqualTo(expected);
    }

    @Test
    void when_callCarriesAStaleFencingToken_then_itIsRejected() throws Exception {
        UUID first = UUID.randomUUID();
        LeaderEndpoint leader = started(new LeaderEndpoint(rpcService, first));
        LeaderGateway current = rpcService.connect(leader.getAddress(), first, LeaderGateway.class).get();
        assertThat(current.hello().get()).isEqualTo("hello from " + first);

        UUID second = UUID.randomUUID();
        leader.newSession(second).get();

        assertThatThrownBy(() -> current.hello().get())
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(FencingTokenException.class)
                .hasMessageContaining("carries " + first)
                .hasMessageContaining("the leader's is " + second);
        LeaderGateway renewed = rpcService.connect(leader.getAddress(), second, LeaderGateway.class).get();
        assertThat(renewed.hello().get()).isEqualTo("hello from " + second);
        assertThat(renewed.getFencingToken()).isEqualTo(second);
    }

    @Test
    void when_endpointIsNotLeader_then_fencedCallsAreRejected() throws Exception {
        LeaderEndpoint leader = started(new LeaderEndpoint(rpcService, UUID.randomUUID()));
        leader.newSession(null).get();
        LeaderGateway gateway = rpcService.connect(leader.getAddress(), UUID.randomUUID(), LeaderGateway.class).get();

        assertThatThrownBy(() -> gateway.hello().get())
                .cause()
                .isInstanceOf(FencingTokenException.class)
                .hasMessageContaining("none (not leader)");
    }

    @Test
    void when_fencedGatewayIsConnectedWithoutToken_then_connectFails() {
        LeaderEndpoint leader = started(new LeaderEndpoint(rpcService, UUID.randomUUID()));

        @SuppressWarnings({"unchecked", "rawtypes"})
        CompletableFuture<?> connected = rpcService.connect(leader.getAddress(), (Class) LeaderGateway.class);

        assertThat(connected).isCompletedExceptionally();
        assertThatThrownBy(connected::get).cause().hasMessageContaining("fencing token");
    }

    @Test
    void when_gatewayMethodDoesNotReturnAFuture_then_connectFails() {
        CounterEndpoint endpoint = started(new CounterEndpoint(rpcService, "counter"));

        assertThatThrownBy(() -> rpcService.connect(endpoint.getAddress(), BadGateway.class).get())
                .cause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BadGateway.notAFuture must return CompletableFuture or void");
    }

    @Test
    void when_nothingRunsAtAddress_then_connectFails() {
        assertThatThrownBy(() -> rpcService.connect("local://nowhere/x", CounterGateway.class).get())
                .cause()
                .isInstanceOf(RpcException.class)
                .hasMessageContaining("No endpoint is running at local://nowhere/x");
    }

    @Test
    void when_endpointIsClosed_then_itsThreadEndsAndCallsFail() throws Exception {
        CounterEndpoint endpoint = started(new CounterEndpoint(rpcService, "closing"));
        CounterGateway gateway = rpcService.connect(endpoint.getAddress(), CounterGateway.class).get();
        gateway.append(1).get();

        endpoint.closeAsync().get(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("millrace-closing") && t.isAlive()));
        assertThatThrownBy(() -> gateway.append(2).get()).cause().isInstanceOf(RpcException.class);
        assertThat(rpcService.connect(endpoint.getAddress(), CounterGateway.class)).isCompletedExceptionally();
    }
}
