package org.millrace.network;

import java.util.concurrent.ConcurrentHashMap;
import org.millrace.network.partition.ResultPartitionProvider;

/**
 * The data-plane "network" between TaskManagers that run in one JVM (the embedded local cluster):
 * maps a TaskManager id to its partition manager, so that a channel to another in-JVM TaskManager
 * reads the producer's subpartition through memory, exactly like a local channel. One instance per
 * JVM-local cluster, shared by its {@link LocalShuffleEnvironment}s; the Netty transport will
 * replace this path for TaskManagers in other processes. Thread-safe.
 */
public final class InJvmPartitionDirectory {

    private final ConcurrentHashMap<String, ResultPartitionProvider> providers = new ConcurrentHashMap<>();

    public void register(String taskManagerId, ResultPartitionProvider provider) {
        ResultPartitionProvider previous = providers.putIfAbsent(taskManagerId, provider);
        if (previous != null && previous != provider) {
            throw new IllegalStateException("TaskManager " + taskManagerId + " is already registered");
        }
    }

    public void unregister(String taskManagerId, ResultPartitionProvider provider) {
        providers.remove(taskManagerId, provider);
    }

    /** The partition provider of {@code taskManagerId}, or null if it is not in this JVM. */
    public ResultPartitionProvider lookup(String taskManagerId) {
        return providers.get(taskManagerId);
    }
}
