package org.millrace.cluster;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.millrace.api.JobID;
import org.millrace.jobmaster.JobStatus;

/** Records every status change it hears; read by the test thread while the client's threads write. */
final class TestingJobStatusRecorder implements JobStatusListener {

    record Change(JobID jobId, JobStatus status, long timestampMillis, Throwable cause) {}

    private final List<Change> changes = new CopyOnWriteArrayList<>();

    @Override
    public void onJobStatusChange(JobID jobId, JobStatus newStatus, long timestampMillis, Throwable cause) {
        changes.add(new Change(jobId, newStatus, timestampMillis, cause));
    }

    List<Change> changes() {
        return List.copyOf(changes);
    }

    List<JobStatus> statuses() {
        return changes.stream().map(Change::status).toList();
    }

    boolean hasEnded() {
        List<Change> c = changes();
        return !c.isEmpty() && c.get(c.size() - 1).status().isGloballyTerminal();
    }
}
