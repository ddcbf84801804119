package org.millrace.network;

import java.io.Serializable;
import java.util.List;
import org.millrace.graph.IntermediateDataSetID;

/**
 * Tells a TaskManager to create an input gate that reads subpartition
 * {@code consumedSubpartitionIndex} (the consumer's subtask index) of every listed producer
 * partition; channel i of the gate reads {@code channels.get(i)}.
 */
public record InputGateDeploymentDescriptor(
        IntermediateDataSetID consumedDataSet,
        int consumedSubpartitionIndex,
        List<InputChannelDeploymentDescriptor> channels)
        implements Serializable {}
