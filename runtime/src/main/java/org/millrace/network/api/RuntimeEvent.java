package org.millrace.network.api;

/**
 * An in-band control message of the data plane: travels in the same subpartition queues as data,
 * in order with it, but in its own event buffer so that a reader can act on it per channel (end of
 * a channel now; checkpoint barriers and their alignment later). Immutable; any thread.
 */
public abstract class RuntimeEvent {

    RuntimeEvent() {}
}
