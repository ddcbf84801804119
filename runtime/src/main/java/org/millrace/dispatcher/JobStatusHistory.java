package org.millrace.dispatcher;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.millrace.jobmaster.JobStatus;

/** A job's status changes in order, with the long polls waiting for the next one. Used from the Dispatcher's main thread only. */
final class JobStatusHistory {

    private final List<JobStatusChange> changes = new ArrayList<>();
    private final List<Poll> polls = new ArrayList<>();

    private record Poll(int fromIndex, CompletableFuture<List<JobStatusChange>> future) {}

    void add(JobStatusChange change) {
        changes.add(change);
        for (Iterator<Poll> it = polls.iterator(); it.hasNext(); ) {
            Poll p = it.next();
            if (p.fromIndex() < changes.size()) {
                it.remove();
                p.future().complete(from(p.fromIndex()));
            }
        }
    }

    JobStatus latest() {
        return changes.get(changes.size() - 1).status();
    }

    boolean hasEnded() {
        return !changes.isEmpty() && latest().isGloballyTerminal();
    }

    CompletableFuture<List<JobStatusChange>> changesFrom(int fromIndex) {
        if (fromIndex < 0) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Negative history index " + fromIndex));
        }
        if (fromIndex < changes.size()) {
            return CompletableFuture.completedFuture(from(fromIndex));
        }
        if (hasEnded()) {
            return CompletableFuture.completedFuture(List.of());
        }
        CompletableFuture<List<JobStatusChange>> future = new CompletableFuture<>();
        polls.add(new Poll(fromIndex, future));
        return future;
    }

    private List<JobStatusChange> from(int fromIndex) {
        return List.copyOf(changes.subList(fromIndex, changes.size()));
    }

    void failPolls(Throwable cause) {
        for (Poll p : polls) {
            p.future().completeExceptionally(cause);
        }
        polls.clear();
    }
}
