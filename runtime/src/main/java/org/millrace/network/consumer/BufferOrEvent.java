package org.millrace.network.consumer;

import org.millrace.network.api.RuntimeEvent;
import org.millrace.network.buffer.Buffer;

/**
 * What an input gate hands out: a data buffer (which the receiver must recycle) or a decoded event,
 * with the index of the channel it came from within its gate. Immutable; created per buffer, never
 * per record.
 */
public record BufferOrEvent(Buffer buffer, RuntimeEvent event, int channelIndex) {

    public static BufferOrEvent ofBuffer(Buffer buffer, int channelIndex) {
        return new BufferOrEvent(buffer, null, channelIndex);
    }

    public static BufferOrEvent ofEvent(RuntimeEvent event, int channelIndex) {
        return new BufferOrEvent(null, event, channelIndex);
    }

    public boolean isBuffer() {
        return buffer != null;
    }
}
