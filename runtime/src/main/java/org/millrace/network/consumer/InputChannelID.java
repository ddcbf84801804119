package org.millrace.network.consumer;

import java.util.UUID;

/**
 * Identifies one remote input channel on the wire: the producer's TaskManager addresses every
 * buffer, credit and error of that channel with it, which lets one TCP connection carry all
 * channels between two TaskManagers. Random per channel instance. Immutable.
 */
public record InputChannelID(long upperPart, long lowerPart) {

    public static InputChannelID random() {
        UUID uuid = UUID.randomUUID();
        return new InputChannelID(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
    }

    @Override
    public String toString() {
        return Long.toHexString(upperPart) + Long.toHexString(lowerPart);
    }
}
