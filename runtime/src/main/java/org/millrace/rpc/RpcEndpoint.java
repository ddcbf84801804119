package org.millrace.rpc;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A component reached only through its {@link RpcGateway}s: Dispatcher, ResourceManager, JobMaster,
 * TaskExecutor. Each endpoint has ONE main thread ({@code millrace-<endpointId>}, daemon); every
 * gateway call, every {@link #runAsync} and every timer runs on it, one at a time and in submission
 * order, so an endpoint's state is plain fields touched by that thread only. Futures returned by other
 * gateways complete on foreign threads: continue with {@code thenXxxAsync(..., getMainThreadExecutor())}.
 *
 * <p>Life cycle: {@link #start()} makes the endpoint reachable and runs {@link #onStart()} on the main
 * thread; {@link #closeAsync()} runs {@link #onStop()} there (calls keep being served until its future
 * completes, e.g. tasks reporting their final state), then unregisters and lets the thread end. The
 * termination future completes as the main thread's last action.
 */
public abstract class RpcEndpoint implements RpcGateway, AutoCloseableAsync {

    private static final Logger LOG = LoggerFactory.getLogger(RpcEndpoint.class);

    private final RpcService rpcService;
    private final String endpointId;
    private final ScheduledThreadPoolExecutor mainThread;
    private final Executor mainThreadExecutor = this::runAsync;
    private final CompletableFuture<Void> terminationFuture = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();

    /** Set once by the thread factory; read by {@link #validateRunsInMainThread()} from any thread. */
    private volatile Thread mainThreadRef;

    /** Set once by {@link #start()} before the endpoint is reachable. */
    private volatile String address;

    protected RpcEndpoint(RpcService rpcService, String endpointId) {
        this.rpcService = rpcService;
        this.endpointId = endpointId;
        this.mainThread = new ScheduledThreadPoolExecutor(1, this::newMainThread);
        // timers of a stopped endpoint must not fire into torn-down state
        mainThread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        mainThread.setRemoveOnCancelPolicy(true);
    }

    private Thread newMainThread(Runnable worker) {
        Thread t = new Thread(() -> {
            try {
                worker.run();
            } finally {
                // the executor's worker loop has ended: nothing of this endpoint runs any more
                terminationFuture.complete(null);
            }
        }, "millrace-" + endpointId);
        t.setDaemon(true);
        mainThreadRef = t;
        return t;
    }

    /** Makes the endpoint reachable and runs {@link #onStart()} on the main thread. */
    public final void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException(endpointId + " was already started");
        }
        address = rpcService.startServer(this);
        runAsync(() -> {
            try {
                onStart();
            } catch (Throwable t) {
                LOG.error("{} failed to start; stopping it", endpointId, t);
                closeAsync();
            }
        });
    }

    /** Runs on the main thread once the endpoint is reachable. */
    protected void onStart() throws Exception {}

    /**
     * Runs on the main thread when the endpoint is closed. Gateway calls keep being served until the
     * returned future completes; it may complete on any thread.
     */
    protected CompletableFuture<Void> onStop() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public final CompletableFuture<Void> closeAsync() {
        if (stopping.compareAndSet(false, true)) {
            try {
                mainThread.execute(this::stopInMainThread);
            } catch (RejectedExecutionException e) {
                terminationFuture.complete(null);
            }
        }
        return terminationFuture;
    }

    private void stopInMainThread() {
        CompletableFuture<Void> stopped;
        try {
            stopped = onStop();
        } catch (Throwable t) {
            stopped = CompletableFuture.failedFuture(t);
        }
        stopped.whenComplete((ignored, error) -> {
            if (error != null) {
                LOG.warn("{} did not stop cleanly", endpointId, error);
            }
            if (address != null) {
                rpcService.stopServer(this);
            }
            // queued calls still run; later ones are rejected, and the worker then ends
            mainThread.shutdown();
        });
    }

    /** Completes when the main thread has ended. */
    public final CompletableFuture<Void> getTerminationFuture() {
        return terminationFuture;
    }

    @Override
    public final String getAddress() {
        return address;
    }

    public final String getEndpointId() {
        return endpointId;
    }

    protected final RpcService getRpcService() {
        return rpcService;
    }

    /** Runs {@code task} on the main thread, after everything submitted before it. */
    protected final void runAsync(Runnable task) {
        mainThread.execute(guarded(task));
    }

    /**
     * Like {@link #runAsync}, for callbacks from other components that may arrive after this endpoint
     * stopped (leader notifications, task reports): those are dropped.
     */
    protected final void runAsyncUnlessStopped(Runnable task) {
        try {
            runAsync(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("{} has stopped; dropping a callback", endpointId);
        }
    }

    /** Runs {@code task} on the main thread after {@code delay}; cancelled if the endpoint stops first. */
    protected final ScheduledFuture<?> scheduleRunAsync(Runnable task, Duration delay) {
        return mainThread.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Executes on the main thread: the executor for {@code thenXxxAsync} continuations. */
    protected final Executor getMainThreadExecutor() {
        return mainThreadExecutor;
    }

    /** Fails fast when main-thread state is touched from another thread. */
    protected final void validateRunsInMainThread() {
        if (Thread.currentThread() != mainThreadRef) {
            throw new IllegalStateException(
                    endpointId + " state touched from " + Thread.currentThread().getName() + ", not its main thread");
        }
    }

    /** A gateway to this endpoint itself, to hand to others (e.g. a JobMaster to its tasks' TaskExecutors). */
    protected final <G extends RpcGateway> G getSelfGateway(Class<G> gatewayType) {
        return LocalGatewayProxy.create(this, gatewayType, selfFencingToken());
    }

    /** The token a self gateway carries: none for unfenced endpoints. */
    UUID selfFencingToken() {
        return null;
    }

    /** Hands a gateway invocation to the main thread; rejected once the endpoint has stopped. */
    final void executeInMainThread(Runnable invocation) {
        mainThread.execute(invocation);
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (Throwable t) {
                // the executor would swallow it silently
                LOG.error("Unhandled exception in the main thread of {}", endpointId, t);
            }
        };
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "@" + (address == null ? endpointId : address);
    }
}
