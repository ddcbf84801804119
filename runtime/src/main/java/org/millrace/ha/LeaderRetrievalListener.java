package org.millrace.ha;

import java.util.UUID;

/** Hears who leads a role. Called from the HA service's notification thread. */
public interface LeaderRetrievalListener {

    /** The confirmed leader's address and session id, or both null when there is no leader. */
    void notifyLeaderAddress(String leaderAddress, UUID leaderSessionId);

    void handleError(Exception exception);
}
