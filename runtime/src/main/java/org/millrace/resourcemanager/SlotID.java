package org.millrace.resourcemanager;

import java.io.Serializable;

/** Slot {@code slotNumber} (0-based) of a TaskManager. */
public record SlotID(ResourceID resourceId, int slotNumber) implements Serializable {

    @Override
    public String toString() {
        return resourceId + "/" + slotNumber;
    }
}
