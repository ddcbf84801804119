package org.millrace.resourcemanager;

import java.io.Serializable;
import java.util.List;

/**
 * A TaskManager's slots when it registers. A fresh TaskManager reports them all free; one that
 * re-registers with a new ResourceManager leader reports the allocations it kept.
 */
public record SlotReport(List<SlotStatus> slots) implements Serializable {

    public SlotReport {
        slots = List.copyOf(slots);
    }
}
