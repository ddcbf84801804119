package org.millrace.network;

import java.util.function.ToIntFunction;

/** A channel selector from a function of the record (modulo the channel count), or broadcast. */
public final class TestingChannelSelector<T> implements ChannelSelector<T> {

    private final ToIntFunction<T> function;
    private final boolean broadcast;
    private int numberOfChannels = -1;

    private TestingChannelSelector(ToIntFunction<T> function, boolean broadcast) {
        this.function = function;
        this.broadcast = broadcast;
    }

    public static <T> TestingChannelSelector<T> byFunction(ToIntFunction<T> function) {
        return new TestingChannelSelector<>(function, false);
    }

    public static <T> TestingChannelSelector<T> broadcast() {
        return new TestingChannelSelector<>(r -> 0, true);
    }

    @Override
    public void setup(int numberOfChannels) {
        this.numberOfChannels = numberOfChannels;
    }

    @Override
    public int selectChannel(T record) {
        return Math.floorMod(function.applyAsInt(record), numberOfChannels);
    }

    @Override
    public boolean isBroadcast() {
        return broadcast;
    }
}
