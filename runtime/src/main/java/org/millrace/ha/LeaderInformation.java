package org.millrace.ha;

import java.io.Serializable;
import java.util.UUID;

/** A confirmed leader: its session id (the fencing token of calls to it) and its RPC address. */
public record LeaderInformation(UUID leaderSessionId, String address) implements Serializable {}
