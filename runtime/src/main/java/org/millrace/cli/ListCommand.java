package org.millrace.cli;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import org.millrace.cluster.DispatcherClusterClient;
import org.millrace.dispatcher.JobStatusMessage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code millrace list [-a]}: the cluster's running jobs (with {@code -a} the ended ones too), one line
 * each, {@code submission time : id : name (STATUS)} as Flink prints them. Runs on the CLI's main thread.
 */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Lists the running jobs of a cluster (-a: also the ended ones).")
final class ListCommand extends ClusterCommand {

    @Option(names = {"-a", "--all"}, description = "Also list jobs that have ended.")
    private boolean all;

    @Override
    int run(DispatcherClusterClient client) throws CliException, InterruptedException {
        List<JobStatusMessage> jobs = await(client.listJobs(), "list the jobs");
        List<JobStatusMessage> running = jobs.stream().filter(j -> !j.status().isGloballyTerminal()).toList();
        print("Running jobs", "No running jobs.", running);
        if (all) {
            print("Ended jobs", "No ended jobs.", jobs.stream().filter(j -> j.status().isGloballyTerminal()).toList());
        }
        return MillraceCli.EXIT_SUCCESS;
    }

    private void print(String heading, String none, List<JobStatusMessage> jobs) {
        if (jobs.isEmpty()) {
            cli().out().println(none);
            return;
        }
        cli().out().println("------------------ " + heading + " ------------------");
        SimpleDateFormat format = new SimpleDateFormat("dd.MM.yyyy HH:mm:ss");
        for (JobStatusMessage job : jobs) {
            cli().out().println(format.format(new Date(job.submissionTimeMillis())) + " : " + job.jobId() + " : "
                    + job.jobName() + " (" + job.status() + ")");
        }
    }
}
