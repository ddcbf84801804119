package org.millrace.network;

/**
 * Picks the output channel (consumer subtask) of each record. Owned by the producing task's thread;
 * implementations keep per-task state such as a round-robin position.
 */
public interface ChannelSelector<T> {

    /** Called once before the first record, with the number of consumer subtasks. */
    void setup(int numberOfChannels);

    /** The channel of {@code record}; ignored when {@link #isBroadcast()}. */
    int selectChannel(T record);

    /** True if every record goes to all channels. */
    boolean isBroadcast();
}
