package org.millrace.ha;

import java.util.UUID;

/**
 * A component that competes for leadership (Dispatcher, ResourceManager, a job's JobManagerRunner).
 * Called from the HA service's notification thread: implementations hop onto their own main thread.
 */
public interface LeaderContender {

    /** This contender now leads session {@code leaderSessionId}; it confirms once it serves calls under it. */
    void grantLeadership(UUID leaderSessionId);

    /** This contender no longer leads; it must stop acting as leader. */
    void revokeLeadership();

    /** The election itself failed (e.g. the ZooKeeper session was lost for good). */
    void handleError(Exception exception);
}
