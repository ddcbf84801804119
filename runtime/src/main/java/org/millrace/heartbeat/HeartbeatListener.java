package org.millrace.heartbeat;

import org.millrace.resourcemanager.ResourceID;

/**
 * The component a {@link HeartbeatManager} works for (JobMaster, ResourceManager, TaskExecutor).
 * Called on that component's main thread only.
 *
 * @param <I> the payload received with heartbeats (e.g. a TaskManager's slot report)
 * @param <O> the payload sent with heartbeats
 */
public interface HeartbeatListener<I, O> {

    /** No heartbeat came from {@code resourceId} within the heartbeat timeout; it is no longer monitored. */
    void notifyHeartbeatTimeout(ResourceID resourceId);

    /** A heartbeat from {@code resourceId} arrived with {@code payload} (may be null). */
    void reportPayload(ResourceID resourceId, I payload);

    /** What to send to {@code resourceId} with the next heartbeat (may be null). */
    O retrievePayload(ResourceID resourceId);
}
