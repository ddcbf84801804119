package org.millrace.resourcemanager;

import java.io.Serializable;

/** Registered TaskManagers and their slots, as the ResourceManager sees them. */
public record ResourceOverview(int numberOfTaskManagers, int numberOfSlots, int numberOfFreeSlots)
        implements Serializable {}
