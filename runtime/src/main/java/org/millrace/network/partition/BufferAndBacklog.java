package org.millrace.network.partition;

import org.millrace.network.buffer.Buffer;

/**
 * A buffer taken from a subpartition, with what a reader needs to decide its next step:
 * whether more is queued right now, how many data buffers wait behind it (the backlog a credit-based
 * sender announces), and whether the next one is an event (which a sender may send without credit).
 * Immutable.
 */
public record BufferAndBacklog(Buffer buffer, boolean moreAvailable, int buffersInBacklog, boolean nextIsEvent) {}
