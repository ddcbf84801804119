package org.millrace.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.millrace.api.JobID;
import org.millrace.cluster.JobStatusListener;
import org.millrace.configuration.Configuration;

/**
 * What a launcher (the CLI) hands to the job's {@code main()}: the effective configuration
 * (including {@code execution.target}), the user jars to ship, and where to report submissions and
 * status changes. {@code StreamExecutionEnvironment.getExecutionEnvironment()} picks it up; without
 * one, a job runs on an embedded local cluster with default settings.
 *
 * <p>Installed by the launcher's thread before it calls {@code main}; read by whatever thread runs
 * {@code execute()} (hence volatile).
 */
public final class ExecutionContext {

    private static volatile ExecutionContext current;

    private final Configuration configuration;
    private final List<URI> userJars;
    private final JobStatusListener statusListener;
    private final SubmissionListener submissionListener;

    public ExecutionContext(
            Configuration configuration,
            List<URI> userJars,
            SubmissionListener submissionListener,
            JobStatusListener statusListener) {
        this.configuration = new Configuration(configuration);
        this.userJars = List.copyOf(new ArrayList<>(userJars));
        this.submissionListener = submissionListener;
        this.statusListener = statusListener;
    }

    /** Installs {@code context} for jobs executed from now on (null removes it). */
    public static void install(ExecutionContext context) {
        current = context;
    }

    /** The installed context, or null when none is (plain {@code java -cp ... Main}, tests). */
    public static ExecutionContext current() {
        return current;
    }

    public Configuration getConfiguration() {
        return configuration;
    }

    public List<URI> getUserJars() {
        return userJars;
    }

    public JobStatusListener getStatusListener() {
        return statusListener;
    }

    public SubmissionListener getSubmissionListener() {
        return submissionListener;
    }

    /** Hears each job submission (the CLI prints the job id). */
    @FunctionalInterface
    public interface SubmissionListener {
        void onJobSubmitted(JobID jobId, String jobName);

        /**
         * As above, with the {@code host:port} at which other clients reach the cluster's Dispatcher
         * (null for a cluster embedded in this JVM), so the CLI can say where to send {@code savepoint},
         * {@code stop} and {@code cancel}.
         */
        default void onJobSubmitted(JobID jobId, String jobName, String jobManagerAddress) {
            onJobSubmitted(jobId, jobName);
        }
    }
}
