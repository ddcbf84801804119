package org.millrace.cli;

import org.millrace.api.JobID;
import org.millrace.cluster.DispatcherClusterClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code millrace savepoint JOBID [TARGET_DIR]}: takes a savepoint of a running job, which keeps
 * running, and prints its path (restore with {@code run -s PATH}). Runs on the CLI's main thread.
 */
@Command(
        name = "savepoint",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Takes a savepoint of a running job and prints its path; the job keeps running."
                + " A large state may need a longer -Drpc.timeout.")
final class SavepointCommand extends ClusterCommand {

    @Parameters(index = "0", paramLabel = "JOBID", converter = JobIdConverter.class,
            description = "The job's id: 32 hex digits.")
    private JobID jobId;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TARGET_DIR",
            description = "Where to write it; default: execution.checkpointing.savepoint-dir of the cluster.")
    private String targetDirectory;

    @Override
    int run(DispatcherClusterClient client) throws CliException, InterruptedException {
        cli().out().println("Triggering savepoint for job " + jobId + ".");
        String path = await(client.triggerSavepoint(jobId, targetDirectory, false), "take a savepoint of job " + jobId);
        cli().out().println("Savepoint completed. Path: " + path);
        cli().out().println("Resume from it with: millrace run -s " + path + " ...");
        return MillraceCli.EXIT_SUCCESS;
    }
}
