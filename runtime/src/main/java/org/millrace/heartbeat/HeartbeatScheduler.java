package org.millrace.heartbeat;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

/**
 * Runs a task on the owning endpoint's main thread after a delay: an endpoint passes
 * {@code this::scheduleRunAsync}, so heartbeat timers run where the component's state lives.
 */
@FunctionalInterface
public interface HeartbeatScheduler {

    ScheduledFuture<?> schedule(Runnable task, Duration delay);
}
