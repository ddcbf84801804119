package org.millrace.network;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.millrace.api.source.InputStatus;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * Reads the records of one logical task input (one or more gates of the same type, e.g. a union)
 * and combines watermarks over all channels by minimum. Used only by the consuming task's thread.
 * (Signature placeholder; the data plane fills it in.)
 */
public final class NetworkInput<T> {

    public NetworkInput(List<InputGate> gates, TypeSerializer<T> serializer) {
        throw new UnsupportedOperationException("data plane not implemented yet");
    }

    /** Emits at most one element; END_OF_INPUT once every channel has ended. */
    public InputStatus emitNext(ElementOutput<T> output) throws Exception {
        return InputStatus.END_OF_INPUT;
    }

    public CompletableFuture<Void> getAvailableFuture() {
        return CompletableFuture.completedFuture(null);
    }

    public void close() {}
}
