package org.millrace.ha;

import java.util.UUID;

/**
 * One contender's seat in the election for one role. The contender starts it, confirms each granted
 * session once it is ready (only then do retrievers learn its address), and closes it to withdraw.
 * Thread-safe.
 */
public interface LeaderElection extends AutoCloseable {

    void startLeaderElection(LeaderContender contender);

    /** Publishes {@code address} as the leader for {@code leaderSessionId}; ignored if that session is over. */
    void confirmLeadership(UUID leaderSessionId, String address);

    boolean hasLeadership(UUID leaderSessionId);

    /** Withdraws the contender (giving up leadership if it has it). */
    @Override
    void close();
}
