package org.millrace.resourcemanager;

import java.io.Serializable;
import java.util.UUID;

/** Identifies one allocation of a slot to a job; a slot allocated again gets a new one. */
public record AllocationID(UUID value) implements Serializable {

    public static AllocationID random() {
        return new AllocationID(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
