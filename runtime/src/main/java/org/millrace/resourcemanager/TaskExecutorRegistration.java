package org.millrace.resourcemanager;

import java.io.Serializable;
import org.millrace.network.ConnectionID;

/** What a TaskExecutor tells the ResourceManager when it registers. */
public record TaskExecutorRegistration(
        ResourceID resourceId, String taskExecutorAddress, ConnectionID dataConnection, SlotReport slotReport)
        implements Serializable {}
