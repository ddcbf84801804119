package org.millrace.heartbeat;

import org.millrace.resourcemanager.ResourceID;

/**
 * A monitored peer, as the {@link HeartbeatManager} sees it: usually a thin adapter over the peer's
 * gateway (e.g. {@code (origin, payload) -> taskExecutor.heartbeatFromJobManager(origin)}). Called on
 * the owning endpoint's main thread; implementations must not block (gateway calls don't).
 *
 * @param <O> the payload this side sends
 */
public interface HeartbeatTarget<O> {

    /** Sends a heartbeat answer to the peer ({@code origin} is this side's resource id). */
    void receiveHeartbeat(ResourceID origin, O payload);

    /** Asks the peer for a heartbeat; it answers through {@link #receiveHeartbeat} of its own target. */
    void requestHeartbeat(ResourceID origin, O payload);
}
