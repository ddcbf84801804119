package org.millrace.network;

import java.io.Serializable;

/** One channel of an input gate: which producer partition to read, and where it lives. */
public record InputChannelDeploymentDescriptor(ResultPartitionID partitionId, ConnectionID producerLocation)
        implements Serializable {}
