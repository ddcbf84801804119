package org.millrace.api.sink.file;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.millrace.api.sink.Committer;

/** A commit request that records what the committer said of it, as the runtime's would. */
final class TestingCommitRequest<CommT> implements Committer.CommitRequest<CommT> {

    /** What became of a request; COMMITTED unless the committer signalled otherwise. */
    enum Outcome { COMMITTED, ALREADY_COMMITTED, RETRY_LATER, FAILED }

    private final CommT committable;
    Outcome outcome = Outcome.COMMITTED;
    Throwable failure;

    TestingCommitRequest(CommT committable) {
        this.committable = committable;
    }

    /** Commits {@code committables} with {@code committer} and returns the requests with their outcomes. */
    static <CommT> List<TestingCommitRequest<CommT>> commit(Committer<CommT> committer, Collection<CommT> committables)
            throws Exception {
        List<TestingCommitRequest<CommT>> requests = new ArrayList<>();
        for (CommT c : committables) {
            requests.add(new TestingCommitRequest<>(c));
        }
        committer.commit(new ArrayList<>(requests));
        return requests;
    }

    @Override
    public CommT getCommittable() {
        return committable;
    }

    @Override
    public int getNumberOfRetries() {
        return 0;
    }

    @Override
    public void signalAlreadyCommitted() {
        outcome = Outcome.ALREADY_COMMITTED;
    }

    @Override
    public void retryLater() {
        outcome = Outcome.RETRY_LATER;
    }

    @Override
    public void signalFailedWithUnknownReason(Throwable cause) {
        outcome = Outcome.FAILED;
        failure = cause;
    }
}
