package org.millrace.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.millrace.resourcemanager.ResourceID;

/**
 * The manager's timer bookkeeping with a scheduler the test drives by hand (this thread stands in
 * for the endpoint's main thread). Real-time behaviour is in {@link HeartbeatManagerTest}.
 */
class HeartbeatManagerTimerTest {

    /** Collects scheduled tasks; the test runs them. */
    static final class TestingScheduler implements HeartbeatScheduler {
        record Scheduled(Runnable task, Duration delay, CompletableFuture<Void> cancelled) {}

        final List<Scheduled> scheduled = new ArrayList<>();

        @Override
        public ScheduledFuture<?> schedule(Runnable task, Duration delay) {
            Scheduled s = new Scheduled(task, delay, new CompletableFuture<>());
            scheduled.add(s);
            return new ScheduledFuture<Void>() {
                @Override
                public long getDelay(TimeUnit unit) {
                    return unit.convert(delay);
                }

                @Override
                public int compareTo(Delayed o) {
                    return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
                }

                @Override
                public boolean cancel(boolean mayInterruptIfRunning) {
                    return s.cancelled().complete(null);
                }

                @Override
                public boolean isCancelled() {
                    return s.cancelled().isDone();
                }

                @Override
                public boolean isDone() {
                    return isCancelled();
                }

                @Override
                public Void get() {
                    return null;
                }

                @Override
                public Void get(long timeout, TimeUnit unit) {
                    return null;
                }
            };
        }

        /** Runs every task scheduled so far that was not cancelled. */
        void runAll() {
            for (Scheduled s : new ArrayList<>(scheduled)) {
                scheduled.remove(s);
                if (!s.cancelled().isDone()) {
                    s.task().run();
                }
            }
        }
    }

    /** Records what the manager reports. */
    static final class RecordingListener implements HeartbeatListener<String, String> {
        final List<ResourceID> timedOut = new ArrayList<>();
        final List<String> payloads = new ArrayList<>();

        @Override
        public void notifyHeartbeatTimeout(ResourceID resourceId) {
            timedOut.add(resourceId);
        }

        @Override
        public void reportPayload(ResourceID resourceId, String payload) {
            payloads.add(resourceId.value() + ":" + payload);
        }

        @Override
        public String retrievePayload(ResourceID resourceId) {
            return "to " + resourceId.value();
        }
    }

    /** Records what is sent to a target. */
    static final class RecordingTarget implements HeartbeatTarget<String> {
        final List<String> sent = new ArrayList<>();

        @Override
        public void receiveHeartbeat(ResourceID origin, String payload) {
            sent.add("answer from " + origin.value() + ": " + payload);
        }

        @Override
        public void requestHeartbeat(ResourceID origin, String payload) {
            sent.add("request from " + origin.value() + ": " + payload);
        }
    }

    private final TestingScheduler scheduler = new TestingScheduler();
    private final RecordingListener listener = new RecordingListener();
    private final ResourceID self = new ResourceID("self");
    private final ResourceID peer = new ResourceID("peer");

    @Test
    void when_senderRuns_then_itRequestsEveryTargetEachIntervalWithThePayload() {
        HeartbeatManager<String, String> manager = HeartbeatManager.createSender(
                self, listener, scheduler, Duration.ofMillis(100), Duration.ofSeconds(1));
        RecordingTarget target = new RecordingTarget();
        manager.monitorTarget(peer, target);

        scheduler.runAll();

        assertThat(target.sent).containsExactly("request from self: to peer");
        assertThat(scheduler.scheduled).extracting(TestingScheduler.Scheduled::delay)
                .contains(Duration.ofMillis(100));
    }

    @Test
    void when_receiverIsAsked_then_itAnswersAndReportsThePayload() {
        HeartbeatManager<String, String> manager = HeartbeatManager.createReceiver(
                self, listener, scheduler, Duration.ofMillis(100), Duration.ofSeconds(1));
        RecordingTarget target = new RecordingTarget();
        manager.monitorTarget(peer, target);

        manager.requestHeartbeat(peer, "slots");
        manager.requestHeartbeat(new ResourceID("stranger"), "ignored");

        assertThat(listener.payloads).containsExactly("peer:slots");
        assertThat(target.sent).containsExactly("answer from self: to peer");
    }

    @Test
    void when_targetIsUnmonitoredOrManagerStopped_then_noTimeoutIsReported() {
        HeartbeatManager<String, String> manager = HeartbeatManager.createReceiver(
                self, listener, scheduler, Duration.ofMillis(100), Duration.ofSeconds(1));
        manager.monitorTarget(peer, new RecordingTarget());
        ResourceID other = new ResourceID("other");
        manager.monitorTarget(other, new RecordingTarget());

        manager.unmonitorTarget(peer);
        manager.stop();
        scheduler.runAll();

        assertThat(manager.isMonitoring(peer)).isFalse();
        assertThat(manager.isMonitoring(other)).isFalse();
        assertThat(listener.timedOut).isEmpty();
        assertThat(scheduler.scheduled).isEmpty();
    }

    @Test
    void when_timeoutIsNotLongerThanInterval_then_theManagerIsRejected() {
        assertThatThrownBy(() -> HeartbeatManager.createSender(
                        self, listener, scheduler, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be longer than heartbeat.interval");
    }
}
