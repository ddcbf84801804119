package org.millrace.cli;

import org.millrace.api.JobID;
import org.millrace.cluster.DispatcherClusterClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code millrace stop [-p DIR] JOBID}: takes a final savepoint of a running job, then cancels it, and
 * prints the savepoint's path (Flink's {@code stop --savepointPath}). Runs on the CLI's main thread.
 */
@Command(
        name = "stop",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Stops a running job with a final savepoint (then cancels the job) and prints the"
                + " savepoint's path. A large state may need a longer -Drpc.timeout.")
final class StopCommand extends ClusterCommand {

    @Option(names = {"-p", "--savepointPath"}, paramLabel = "DIR",
            description = "Where to write the savepoint; default: execution.checkpointing.savepoint-dir of the cluster.")
    private String targetDirectory;

    @Parameters(index = "0", paramLabel = "JOBID", converter = JobIdConverter.class,
            description = "The job's id: 32 hex digits.")
    private JobID jobId;

    @Override
    int run(DispatcherClusterClient client) throws CliException, InterruptedException {
        cli().out().println("Suspending job " + jobId + " with a savepoint.");
        String path = await(client.triggerSavepoint(jobId, targetDirectory, true), "stop job " + jobId + " with a savepoint");
        cli().out().println("Savepoint completed. Path: " + path);
        return MillraceCli.EXIT_SUCCESS;
    }
}
