package org.millrace.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.millrace.graph.IntermediateDataSetID;

/** Descriptors for one data set exchanged between {@code producers} and {@code consumers} subtasks. */
final class TestingDataSet {

    final IntermediateDataSetID id = IntermediateDataSetID.random();
    final int producers;
    final int consumers;

    TestingDataSet(int producers, int consumers) {
        this.producers = producers;
        this.consumers = consumers;
    }

    ResultPartitionID partitionId(int producer) {
        return new ResultPartitionID(id, producer, 0);
    }

    ResultPartitionDeploymentDescriptor partition(int producer) {
        return new ResultPartitionDeploymentDescriptor(partitionId(producer), consumers);
    }

    /** The gate of {@code consumer}, all producers at {@code location}. */
    InputGateDeploymentDescriptor gate(int consumer, ConnectionID location) {
        return gate(consumer, Collections.nCopies(producers, location));
    }

    InputGateDeploymentDescriptor gate(int consumer, List<ConnectionID> producerLocations) {
        List<InputChannelDeploymentDescriptor> channels = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            channels.add(new InputChannelDeploymentDescriptor(partitionId(p), producerLocations.get(p)));
        }
        return new InputGateDeploymentDescriptor(id, consumer, channels);
    }
}
