package org.millrace.network;

/**
 * The consuming side of one input edge of a task: one channel per producer subtask. Read only by
 * the consuming task's thread. (Contract placeholder; the data plane fills it in.)
 */
public interface InputGate extends AutoCloseable {

    int getNumberOfInputChannels();

    @Override
    void close();
}
