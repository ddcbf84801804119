package org.millrace.cli;

import org.millrace.api.JobID;
import org.millrace.cluster.DispatcherClusterClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code millrace cancel JOBID}: cancels a running job without a savepoint. Runs on the CLI's main thread. */
@Command(
        name = "cancel",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Cancels a running job (no savepoint; see stop).")
final class CancelCommand extends ClusterCommand {

    @Parameters(index = "0", paramLabel = "JOBID", converter = JobIdConverter.class,
            description = "The job's id: 32 hex digits.")
    private JobID jobId;

    @Override
    int run(DispatcherClusterClient client) throws CliException, InterruptedException {
        cli().out().println("Cancelling job " + jobId + ".");
        await(client.cancel(jobId), "cancel job " + jobId);
        cli().out().println("Cancelled job " + jobId + ".");
        return MillraceCli.EXIT_SUCCESS;
    }
}
