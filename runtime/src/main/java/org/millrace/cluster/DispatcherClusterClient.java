package org.millrace.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.millrace.api.JobID;
import org.millrace.dispatcher.DispatcherGateway;
import org.millrace.dispatcher.JobStatusChange;
import org.millrace.dispatcher.JobStatusMessage;
import org.millrace.graph.JobGraph;
import org.millrace.jobmaster.JobStatus;
import org.millrace.task.TaskIOReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ClusterClient} over a Dispatcher gateway: in this JVM for a local cluster, over Netty RPC
 * for a remote one. Status listeners are fed by long-polling the Dispatcher's status history, so they
 * hear past changes first and then new ones, in order, with no duplicates.
 *
 * <p>Thread-safe. Returned futures and listener calls complete on the client's own daemon threads
 * ({@code millrace-client-<n>}), never on a cluster component's main thread, so user code that blocks
 * in a callback cannot stall the cluster. Calls to one listener never overlap.
 */
public final class DispatcherClusterClient implements ClusterClient {

    private static final Logger LOG = LoggerFactory.getLogger(DispatcherClusterClient.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final long CLOSE_GRACE_SECONDS = 5;

    private final CompletableFuture<DispatcherGateway> dispatcher;
    private final AutoCloseable onClose;
    /** Null when the Dispatcher is not reachable from other processes. */
    private final String jobManagerAddress;
    private final ExecutorService callbackExecutor;
    private volatile boolean closed;
    /** Per listener, the job it follows and a future completed once the job's end was delivered (or following stopped). */
    private final Map<CompletableFuture<Void>, JobID> followers = new ConcurrentHashMap<>();

    /**
     * @param dispatcher the Dispatcher leader's gateway (when it is known)
     * @param onClose what {@link #close()} shuts down besides the client (e.g. the cluster it started)
     */
    public DispatcherClusterClient(CompletableFuture<DispatcherGateway> dispatcher, AutoCloseable onClose) {
        this(dispatcher, onClose, null);
    }

    /**
     * @param jobManagerAddress {@code host:port} of the RPC service other processes reach the Dispatcher
     *     at, or null if they cannot
     */
    public DispatcherClusterClient(
            CompletableFuture<DispatcherGateway> dispatcher, AutoCloseable onClose, String jobManagerAddress) {
        this.dispatcher = dispatcher;
        this.onClose = onClose;
        this.jobManagerAddress = jobManagerAddress;
        // unbounded, so a callback that blocks on another of this client's futures cannot starve it
        this.callbackExecutor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "millrace-client-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private <T> CompletableFuture<T> call(Function<DispatcherGateway, CompletableFuture<T>> call) {
        // the hop keeps user continuations off the Dispatcher's main thread
        return dispatcher.thenCompose(call).whenCompleteAsync((r, e) -> {}, callbackExecutor);
    }

    @Override
    public CompletableFuture<JobID> submitJob(JobGraph jobGraph) {
        return call(d -> d.submitJob(jobGraph).thenApply(ignored -> jobGraph.getJobId()));
    }

    @Override
    public CompletableFuture<JobResult> requestJobResult(JobID jobId) {
        return call(d -> d.requestJobResult(jobId));
    }

    @Override
    public CompletableFuture<JobStatus> getJobStatus(JobID jobId) {
        return call(d -> d.requestJobStatus(jobId));
    }

    @Override
    public CompletableFuture<Void> cancel(JobID jobId) {
        return call(d -> d.cancelJob(jobId));
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(JobID jobId, String targetDirectory, boolean cancelJob) {
        return call(d -> d.triggerSavepoint(jobId, targetDirectory, cancelJob));
    }

    @Override
    public CompletableFuture<List<TaskIOReport>> requestTaskIOMetrics(JobID jobId) {
        return call(d -> d.requestTaskIOMetrics(jobId));
    }

    @Override
    public Optional<String> getJobManagerAddress() {
        return Optional.ofNullable(jobManagerAddress);
    }

    @Override
    public void addJobStatusListener(JobID jobId, JobStatusListener listener) {
        CompletableFuture<Void> delivered = new CompletableFuture<>();
        followers.put(delivered, jobId);
        delivered.whenComplete((v, e) -> followers.remove(delivered));
        poll(jobId, 0, listener, delivered);
    }

    /** Delivers the changes from {@code fromIndex} on, then polls for the next ones until the job has ended. */
    private void poll(JobID jobId, int fromIndex, JobStatusListener listener, CompletableFuture<Void> delivered) {
        dispatcher.thenCompose(d -> d.requestJobStatusHistory(jobId, fromIndex))
                .whenCompleteAsync((changes, error) -> {
                    if (closed) {
                        delivered.complete(null);
                        return;
                    }
                    if (error != null) {
                        LOG.warn("Stopped following the status of job {}", jobId, error);
                        delivered.complete(null);
                        return;
                    }
                    for (JobStatusChange c : changes) {
                        try {
                            listener.onJobStatusChange(c.jobId(), c.status(), c.timestampMillis(), c.cause());
                        } catch (RuntimeException e) {
                            LOG.warn("A status listener of job {} failed", jobId, e);
                        }
                    }
                    if (!changes.isEmpty() && changes.get(changes.size() - 1).status().isGloballyTerminal()) {
                        delivered.complete(null);
                    } else {
                        poll(jobId, fromIndex + changes.size(), listener, delivered);
                    }
                }, callbackExecutor);
    }

    @Override
    public void close() {
        // a job's result can arrive before its last status change is delivered: let the listeners
        // hear the end of the jobs that have ended before the cluster goes away (not wait for running ones)
        List<CompletableFuture<Void>> endingJobs = new ArrayList<>();
        followers.forEach((delivered, jobId) -> endingJobs.add(dispatcher
                .thenCompose(d -> d.requestJobStatus(jobId))
                .thenCompose(status -> status.isGloballyTerminal() ? delivered : CompletableFuture.completedFuture(null))));
        try {
            CompletableFuture.allOf(endingJobs.toArray(new CompletableFuture<?>[0])).get(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("Closing with status listeners still following running jobs", e);
        }
        closed = true;
        try {
            onClose.close();
        } catch (Exception e) {
            LOG.warn("Could not shut down the cluster behind this client", e);
        }
        // not shutdownNow: a listener call in progress is not interrupted
        callbackExecutor.shutdown();
    }

    /** The jobs the cluster knows, for {@code millrace list}. */
    public CompletableFuture<List<JobStatusMessage>> listJobs() {
        return call(DispatcherGateway::listJobs);
    }
}
