package org.millrace.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.millrace.api.JobID;
import org.millrace.client.ExecutionContext;
import org.millrace.cluster.JobStatusListener;
import org.millrace.jobmaster.JobStatus;

/**
 * Prints the progress of the jobs a program submits ("Job ... submitted with JobID ... [to the
 * JobManager at host:port]",
 * "Job ... status: RUNNING", "Job ... finished with status FINISHED (1.23 s)") and remembers how
 * each ended, so the CLI can choose its exit code.
 *
 * <p>Called by whatever threads {@code execute()} and the cluster client use, possibly several at
 * once for several jobs; the CLI's main thread reads the outcome. All state is guarded by
 * {@code lock}, and lines are printed under it so that one job's lines keep their order.
 */
final class JobProgressPrinter implements ExecutionContext.SubmissionListener, JobStatusListener {

    /** How one job went, as far as this printer has heard. */
    record JobOutcome(JobID jobId, String jobName, JobStatus finalStatus, Throwable failureCause) {}

    private final PrintStream out;
    private final Object lock = new Object();

    /** Jobs in order of submission. Guarded by {@code lock}. */
    private final Map<JobID, Progress> jobs = new LinkedHashMap<>();

    JobProgressPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onJobSubmitted(JobID jobId, String jobName) {
        onJobSubmitted(jobId, jobName, null);
    }

    /** With a JobManager address, the line also says where {@code list/savepoint/stop/cancel -m} reach the job. */
    @Override
    public void onJobSubmitted(JobID jobId, String jobName, String jobManagerAddress) {
        synchronized (lock) {
            progress(jobId).name = jobName;
            out.println("Job " + jobName + " submitted with JobID " + jobId
                    + (jobManagerAddress == null ? "" : " to the JobManager at " + jobManagerAddress));
        }
    }

    @Override
    public void onJobStatusChange(JobID jobId, JobStatus newStatus, long timestampMillis, Throwable cause) {
        synchronized (lock) {
            Progress p = progress(jobId);
            if (p.firstTimestamp < 0) {
                p.firstTimestamp = timestampMillis;
            }
            if (!newStatus.isGloballyTerminal()) {
                out.println("Job " + jobId + " status: " + newStatus);
                return;
            }
            p.finalStatus = newStatus;
            p.failureCause = cause;
            double seconds = (timestampMillis - p.firstTimestamp) / 1000.0;
            out.println(String.format(Locale.ROOT, "Job %s finished with status %s (%.2f s)", jobId, newStatus, seconds));
            lock.notifyAll();
        }
    }

    /** Jobs submitted so far, in order, with their final status (null while running). */
    List<JobOutcome> outcomes() {
        synchronized (lock) {
            List<JobOutcome> list = new ArrayList<>();
            jobs.forEach((id, p) -> list.add(new JobOutcome(id, p.name, p.finalStatus, p.failureCause)));
            return list;
        }
    }

    /**
     * Waits until every submitted job has reported a final status, at most {@code timeout}: the
     * final status change may reach this listener just after {@code execute()} returned.
     */
    void awaitFinalStatuses(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (jobs.values().stream().anyMatch(p -> p.finalStatus == null)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    private Progress progress(JobID jobId) {
        return jobs.computeIfAbsent(jobId, id -> new Progress());
    }

    /** Mutable per-job record; guarded by the printer's {@code lock}. */
    private static final class Progress {
        String name;
        long firstTimestamp = -1;
        JobStatus finalStatus;
        Throwable failureCause;
    }
}
