package org.millrace.taskmanager;

import org.millrace.network.ShuffleEnvironment;
import org.millrace.resourcemanager.ResourceID;

/**
 * Creates a TaskManager's data plane when the TaskManager starts; the TaskExecutor closes it when it
 * stops. In a local cluster one factory serves all TaskManagers of that cluster (they share an in-JVM
 * directory of partitions). Thread-safe.
 */
@FunctionalInterface
public interface ShuffleEnvironmentFactory {

    ShuffleEnvironment create(ResourceID taskManagerId) throws Exception;
}
