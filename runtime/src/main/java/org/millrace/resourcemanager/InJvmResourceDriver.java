package org.millrace.resourcemanager;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.millrace.rpc.AutoCloseableAsync;
import org.millrace.configuration.LocalClusterOptions;
import org.millrace.configuration.TaskManagerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs TaskManagers in this JVM: a fixed pool of {@code local.number-taskmanager} TaskExecutors,
 * all started when the driver starts; a request starts new ones only to replace released or lost ones.
 *
 * <p>Called from the ResourceManager's main thread only (see {@link ResourceDriver}), so its fields
 * are unsynchronized.
 */
public final class InJvmResourceDriver implements ResourceDriver {

    private static final Logger LOG = LoggerFactory.getLogger(InJvmResourceDriver.class);

    /** Starts one TaskExecutor in this JVM; the handle stops it. */
    @FunctionalInterface
    public interface TaskManagerStarter {
        AutoCloseableAsync start(ResourceID resourceId) throws Exception;
    }

    private final int numberOfTaskManagers;
    private final int slotsPerTaskManager;
    private final TaskManagerStarter starter;
    private final Map<ResourceID, AutoCloseableAsync> running = new LinkedHashMap<>();
    private ResourceEventHandler handler;
    private int started;
    private boolean closed;

    public InJvmResourceDriver(int numberOfTaskManagers, int slotsPerTaskManager, TaskManagerStarter starter) {
        this.numberOfTaskManagers = numberOfTaskManagers;
        this.slotsPerTaskManager = slotsPerTaskManager;
        this.starter = starter;
    }

    @Override
    public void initialize(ResourceEventHandler eventHandler) {
        this.handler = eventHandler;
        requestTaskManagers(numberOfTaskManagers);
    }

    @Override
    public void requestTaskManagers(int count) {
        int toStart = Math.min(count, numberOfTaskManagers - running.size());
        for (int i = 0; i < toStart && !closed; i++) {
            ResourceID id = new ResourceID("taskmanager-" + (++started));
            try {
                running.put(id, starter.start(id));
                handler.onTaskManagerStarted(id);
            } catch (Exception e) {
                LOG.error("Could not start TaskManager {}", id, e);
                handler.onError(e);
            }
        }
    }

    @Override
    public void releaseTaskManager(ResourceID resourceId) {
        AutoCloseableAsync taskManager = running.remove(resourceId);
        if (taskManager != null) {
            taskManager.closeAsync();
        }
    }

    @Override
    public int slotsPerTaskManager() {
        return slotsPerTaskManager;
    }

    @Override
    public int maximumSlots() {
        return numberOfTaskManagers * slotsPerTaskManager;
    }

    @Override
    public String describeMaximumSlots() {
        return LocalClusterOptions.NUM_TASK_MANAGERS.key() + "=" + numberOfTaskManagers + " x "
                + TaskManagerOptions.NUM_TASK_SLOTS.key() + "=" + slotsPerTaskManager;
    }

    /** Stops every TaskManager it started; completes when all have stopped. */
    @Override
    public CompletableFuture<Void> closeAsync() {
        closed = true;
        CompletableFuture<?>[] stopped = running.values().stream()
                .map(AutoCloseableAsync::closeAsync)
                .toArray(CompletableFuture<?>[]::new);
        running.clear();
        return CompletableFuture.allOf(stopped);
    }
}
