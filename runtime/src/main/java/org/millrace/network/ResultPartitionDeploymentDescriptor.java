package org.millrace.network;

import java.io.Serializable;

/** Tells a TaskManager to create a result partition with one subpartition per consumer subtask. */
public record ResultPartitionDeploymentDescriptor(ResultPartitionID partitionId, int numberOfSubpartitions)
        implements Serializable {}
