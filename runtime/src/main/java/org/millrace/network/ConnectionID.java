package org.millrace.network;

import java.io.Serializable;

/**
 * Where a TaskManager's data plane listens. {@code taskManagerId} tells whether a producer runs on
 * the consumer's own TaskManager (then the channel skips the network); host and port are used to
 * connect to it otherwise.
 */
public record ConnectionID(String taskManagerId, String host, int dataPort) implements Serializable {}
