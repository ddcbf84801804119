package org.millrace.ha;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** One-shot leader lookups over a {@link LeaderRetrievalService}. */
public final class LeaderRetrievalUtils {

    private LeaderRetrievalUtils() {}

    /**
     * Completes with the first confirmed leader, then closes the retrieval service. The future completes
     * on the HA notification thread.
     */
    public static CompletableFuture<LeaderInformation> retrieveLeader(LeaderRetrievalService retrieval) {
        CompletableFuture<LeaderInformation> leader = new CompletableFuture<>();
        retrieval.start(new LeaderRetrievalListener() {
            @Override
            public void notifyLeaderAddress(String leaderAddress, UUID leaderSessionId) {
                if (leaderAddress != null && leaderSessionId != null) {
                    leader.complete(new LeaderInformation(leaderSessionId, leaderAddress));
                }
            }

            @Override
            public void handleError(Exception exception) {
                leader.completeExceptionally(exception);
            }
        });
        leader.whenComplete((l, e) -> retrieval.close());
        return leader;
    }
}
