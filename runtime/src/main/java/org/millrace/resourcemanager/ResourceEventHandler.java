package org.millrace.resourcemanager;

/**
 * How a {@link ResourceDriver} tells the ResourceManager what happened to its TaskManagers. May be
 * called from any thread (a YARN callback thread, a process reaper); the ResourceManager hops onto its
 * main thread.
 */
public interface ResourceEventHandler {

    /** A TaskManager was launched; it will register itself shortly. */
    void onTaskManagerStarted(ResourceID resourceId);

    /** A TaskManager ended or was lost (process exit, container completed, node lost). */
    void onTaskManagerLost(ResourceID resourceId, String diagnostics);

    /** The driver cannot go on (e.g. YARN unregistered the application). */
    void onError(Throwable error);
}
