package org.millrace.heartbeat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.HeartbeatManagerOptions;
import org.millrace.resourcemanager.ResourceID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches peers by heartbeats. A <em>sender</em> (JobMaster towards its TaskExecutors, ResourceManager
 * towards registered TaskExecutors) asks every monitored target for a heartbeat each
 * {@code heartbeat.interval}; a <em>receiver</em> (the TaskExecutor) answers each request. Both sides
 * count any heartbeat from a target as a sign of life, and a target silent for {@code heartbeat.timeout}
 * is dropped and reported through {@link HeartbeatListener#notifyHeartbeatTimeout}.
 *
 * <p>Thread confinement: every method must be called on the owning endpoint's main thread, and the
 * {@link HeartbeatScheduler} runs timers there too, so the target map is a plain HashMap.
 *
 * @param <I> payload received
 * @param <O> payload sent
 */
public final class HeartbeatManager<I, O> {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatManager.class);

    /** A monitored target; its timeout check reschedules itself until the target falls silent. */
    private final class Monitor {
        final HeartbeatTarget<O> target;
        /** System.nanoTime() of the last sign of life. */
        long lastHeartbeatNanos;
        ScheduledFuture<?> timeoutCheck;

        Monitor(HeartbeatTarget<O> target) {
            this.target = target;
            this.lastHeartbeatNanos = System.nanoTime();
        }
    }

    private final ResourceID ownResourceId;
    private final HeartbeatListener<I, O> listener;
    private final HeartbeatScheduler scheduler;
    private final Duration interval;
    private final Duration timeout;
    private final boolean sender;
    private final Map<ResourceID, Monitor> monitors = new HashMap<>();
    private ScheduledFuture<?> requestLoop;
    private boolean stopped;

    private HeartbeatManager(ResourceID ownResourceId, HeartbeatListener<I, O> listener, HeartbeatScheduler scheduler,
            Duration interval, Duration timeout, boolean sender) {
        if (interval.isNegative() || interval.isZero() || timeout.compareTo(interval) <= 0) {
            throw new IllegalArgumentException("heartbeat.timeout (" + timeout + ") must be longer than "
                    + "heartbeat.interval (" + interval + "), and both longer than 0");
        }
        this.ownResourceId = ownResourceId;
        this.listener = listener;
        this.scheduler = scheduler;
        this.interval = interval;
        this.timeout = timeout;
        this.sender = sender;
    }

    /** A manager that requests heartbeats every {@code heartbeat.interval}; starts requesting at once. */
    public static <I, O> HeartbeatManager<I, O> createSender(ResourceID ownResourceId, HeartbeatListener<I, O> listener,
            HeartbeatScheduler scheduler, Configuration configuration) {
        return createSender(ownResourceId, listener, scheduler,
                configuration.get(HeartbeatManagerOptions.HEARTBEAT_INTERVAL),
                configuration.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT));
    }

    public static <I, O> HeartbeatManager<I, O> createSender(ResourceID ownResourceId, HeartbeatListener<I, O> listener,
            HeartbeatScheduler scheduler, Duration interval, Duration timeout) {
        HeartbeatManager<I, O> manager =
                new HeartbeatManager<>(ownResourceId, listener, scheduler, interval, timeout, true);
        manager.requestLoop = scheduler.schedule(manager::requestHeartbeats, Duration.ZERO);
        return manager;
    }

    /** A manager that answers heartbeat requests and times out targets that stop asking. */
    public static <I, O> HeartbeatManager<I, O> createReceiver(ResourceID ownResourceId,
            HeartbeatListener<I, O> listener, HeartbeatScheduler scheduler, Configuration configuration) {
        return createReceiver(ownResourceId, listener, scheduler,
                configuration.get(HeartbeatManagerOptions.HEARTBEAT_INTERVAL),
                configuration.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT));
    }

    public static <I, O> HeartbeatManager<I, O> createReceiver(ResourceID ownResourceId,
            HeartbeatListener<I, O> listener, HeartbeatScheduler scheduler, Duration interval, Duration timeout) {
        return new HeartbeatManager<>(ownResourceId, listener, scheduler, interval, timeout, false);
    }

    /** Starts watching {@code resourceId} (again: a re-registration restarts its clock). */
    public void monitorTarget(ResourceID resourceId, HeartbeatTarget<O> target) {
        if (stopped) {
            return;
        }
        unmonitorTarget(resourceId);
        Monitor monitor = new Monitor(target);
        monitors.put(resourceId, monitor);
        monitor.timeoutCheck = scheduler.schedule(() -> checkTimeout(resourceId, monitor), timeout);
    }

    /** Stops watching {@code resourceId}; no timeout will be reported for it. */
    public void unmonitorTarget(ResourceID resourceId) {
        Monitor monitor = monitors.remove(resourceId);
        if (monitor != null && monitor.timeoutCheck != null) {
            monitor.timeoutCheck.cancel(false);
        }
    }

    public boolean isMonitoring(ResourceID resourceId) {
        return monitors.containsKey(resourceId);
    }

    /** An answer (or any heartbeat) from {@code origin}. Heartbeats of unmonitored peers are ignored. */
    public void receiveHeartbeat(ResourceID origin, I payload) {
        Monitor monitor = monitors.get(origin);
        if (monitor == null || stopped) {
            return;
        }
        monitor.lastHeartbeatNanos = System.nanoTime();
        listener.reportPayload(origin, payload);
    }

    /** A request from {@code origin}: counts as its heartbeat, and is answered with this side's payload. */
    public void requestHeartbeat(ResourceID origin, I payload) {
        Monitor monitor = monitors.get(origin);
        if (monitor == null || stopped) {
            return;
        }
        receiveHeartbeat(origin, payload);
        monitor.target.receiveHeartbeat(ownResourceId, listener.retrievePayload(origin));
    }

    /** Stops every timer; nothing is reported afterwards. */
    public void stop() {
        stopped = true;
        if (requestLoop != null) {
            requestLoop.cancel(false);
        }
        for (ResourceID id : new ArrayList<>(monitors.keySet())) {
            unmonitorTarget(id);
        }
    }

    private void requestHeartbeats() {
        if (stopped) {
            return;
        }
        // copy: a target may be unmonitored by the listener while we iterate
        List<Map.Entry<ResourceID, Monitor>> targets = new ArrayList<>(monitors.entrySet());
        for (Map.Entry<ResourceID, Monitor> e : targets) {
            try {
                e.getValue().target.requestHeartbeat(ownResourceId, listener.retrievePayload(e.getKey()));
            } catch (RuntimeException ex) {
                // an unreachable peer is found out by its timeout, not here
                LOG.debug("Heartbeat request to {} failed", e.getKey(), ex);
            }
        }
        requestLoop = scheduler.schedule(this::requestHeartbeats, interval);
    }

    private void checkTimeout(ResourceID resourceId, Monitor monitor) {
        if (stopped || monitors.get(resourceId) != monitor) {
            return; // unmonitored or replaced since this check was scheduled
        }
        long silentNanos = System.nanoTime() - monitor.lastHeartbeatNanos;
        if (silentNanos >= timeout.toNanos()) {
            monitors.remove(resourceId);
            LOG.info("{}: no heartbeat from {} for {} ms (heartbeat.timeout)", ownResourceId, resourceId,
                    silentNanos / 1_000_000);
            listener.notifyHeartbeatTimeout(resourceId);
        } else {
            monitor.timeoutCheck = scheduler.schedule(() -> checkTimeout(resourceId, monitor),
                    Duration.ofNanos(timeout.toNanos() - silentNanos));
        }
    }
}
