package org.millrace.network;

/**
 * The producing side of one result partition, as its task sees it. Written only by the producing
 * task's thread. (Contract placeholder; the data plane fills it in.)
 */
public interface ResultPartitionWriter extends AutoCloseable {

    ResultPartitionID getPartitionId();

    int getNumberOfSubpartitions();

    @Override
    void close();
}
