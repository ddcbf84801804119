package org.millrace.resourcemanager;

import org.millrace.rpc.AutoCloseableAsync;

/**
 * How the ResourceManager gets TaskManagers from its environment and gives them back: in this JVM
 * ({@link InJvmResourceDriver}), as local processes, or as YARN containers (AMRMClientAsync requests,
 * NMClientAsync launches). Requests are asynchronous; outcomes arrive at the {@link ResourceEventHandler}.
 *
 * <p>Called from the ResourceManager's main thread only, after {@link #initialize}.
 */
public interface ResourceDriver extends AutoCloseableAsync {

    /** Starts the driver (and whatever TaskManagers it starts eagerly); events go to {@code handler}. */
    void initialize(ResourceEventHandler handler) throws Exception;

    /** Asks for {@code count} more TaskManagers; each one started is reported through the handler. */
    void requestTaskManagers(int count);

    /** Gives a TaskManager back (stops its process or releases its container). */
    void releaseTaskManager(ResourceID resourceId);

    int slotsPerTaskManager();

    /** The most slots this cluster can ever have; a job needing more fails at once. */
    int maximumSlots();

    /** Why {@link #maximumSlots()} is what it is, naming the configuration keys, for error messages. */
    String describeMaximumSlots();
}
