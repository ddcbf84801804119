package org.millrace.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.millrace.api.JobID;

class EmbeddedHaServicesTest {

    private final EmbeddedHaServices ha = new EmbeddedHaServices();

    /** Records the sessions it is granted; callbacks come from the HA notification thread. */
    static final class TestingContender implements LeaderContender {
        final CompletableFuture<UUID> granted = new CompletableFuture<>();
        volatile String grantThread;

        @Override
        public void grantLeadership(UUID leaderSessionId) {
            grantThread = Thread.currentThread().getName();
            granted.complete(leaderSessionId);
        }

        @Override
        public void revokeLeadership() {}

        @Override
        public void handleError(Exception exception) {}
    }

    /** Records every leader it hears of (address or "none"). */
    static final class TestingListener implements LeaderRetrievalListener {
        final List<String> heard = new CopyOnWriteArrayList<>();

        @Override
        public void notifyLeaderAddress(String leaderAddress, UUID leaderSessionId) {
            heard.add(leaderAddress == null ? "none" : leaderAddress + "@" + leaderSessionId);
        }

        @Override
        public void handleError(Exception exception) {}
    }

    @AfterEach
    void close() throws Exception {
        ha.close();
    }

    @Test
    void when_leaderConfirms_then_retrieversLearnItsAddress_andNotBefore() throws Exception {
        TestingListener listener = new TestingListener();
        ha.getResourceManagerLeaderRetriever().start(listener);
        LeaderElection election = ha.getResourceManagerLeaderElection();
        TestingContender contender = new TestingContender();

        election.startLeaderElection(contender);
        UUID session = contender.granted.get(10, TimeUnit.SECONDS);

        assertThat(contender.grantThread).isEqualTo("millrace-ha-embedded");
        assertThat(election.hasLeadership(session)).isTrue();
        assertThat(listener.heard).isEmpty();
        election.confirmLeadership(session, "local://rm");
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.heard.size() == 1);
        assertThat(listener.heard).containsExactly("local://rm@" + session);
    }

    @Test
    void when_leaderWithdraws_then_theNextContenderLeadsWithANewSession() throws Exception {
        TestingListener listener = new TestingListener();
        LeaderElection first = ha.getDispatcherLeaderElection();
        LeaderElection second = ha.getDispatcherLeaderElection();
        TestingContender a = new TestingContender();
        TestingContender b = new TestingContender();
        first.startLeaderElection(a);
        second.startLeaderElection(b);
        UUID sessionA = a.granted.get(10, TimeUnit.SECONDS);
        first.confirmLeadership(sessionA, "local://a");
        ha.getDispatcherLeaderRetriever().start(listener);
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.heard.size() == 1);
        assertThat(b.granted).isNotDone();

        first.close();
        UUID sessionB = b.granted.get(10, TimeUnit.SECONDS);
        second.confirmLeadership(sessionB, "local://b");

        assertThat(sessionB).isNotEqualTo(sessionA);
        assertThat(second.hasLeadership(sessionA)).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.heard.size() == 3);
        assertThat(listener.heard).containsExactly("local://a@" + sessionA, "none", "local://b@" + sessionB);
    }

    @Test
    void when_staleSessionIsConfirmed_then_itIsIgnored() throws Exception {
        TestingListener listener = new TestingListener();
        ha.getResourceManagerLeaderRetriever().start(listener);
        LeaderElection election = ha.getResourceManagerLeaderElection();
        TestingContender contender = new TestingContender();
        election.startLeaderElection(contender);
        UUID session = contender.granted.get(10, TimeUnit.SECONDS);

        election.confirmLeadership(UUID.randomUUID(), "local://stale");
        election.confirmLeadership(session, "local://current");

        await().atMost(Duration.ofSeconds(10)).until(() -> listener.heard.size() == 1);
        assertThat(listener.heard).containsExactly("local://current@" + session);
    }

    @Test
    void when_jobLeaderIsRetrieved_then_onlyThatJobsRetrieversHearIt() throws Exception {
        JobID jobId = JobID.generate();
        LeaderElection election = ha.getJobMasterLeaderElection(jobId);
        TestingContender contender = new TestingContender();
        election.startLeaderElection(contender);
        UUID session = contender.granted.get(10, TimeUnit.SECONDS);
        election.confirmLeadership(session, "local://jm");

        CompletableFuture<LeaderInformation> otherJob =
                LeaderRetrievalUtils.retrieveLeader(ha.getJobMasterLeaderRetriever(JobID.generate()));
        LeaderInformation leader =
                LeaderRetrievalUtils.retrieveLeader(ha.getJobMasterLeaderRetriever(jobId)).get(10, TimeUnit.SECONDS);

        assertThat(leader).isEqualTo(new LeaderInformation(session, "local://jm"));
        // notifications are delivered in order by one thread: one for the other job would have come first
        assertThat(otherJob).isNotDone();
    }
}
