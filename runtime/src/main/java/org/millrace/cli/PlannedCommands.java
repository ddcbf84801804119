package org.millrace.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * The commands of the CLI contract that this version does not implement yet: declared, so that
 * {@code --help} lists them with their arguments, and each says so with exit code 2.
 */
final class PlannedCommands {

    private PlannedCommands() {}

    /** Says the command is not available; exit code 2. */
    abstract static class NotAvailable implements Callable<Integer> {
        @ParentCommand
        private MillraceCli cli;

        @Override
        public Integer call() {
            String name = getClass().getAnnotation(Command.class).name();
            cli.err().println("millrace " + name + ": not available yet in this version");
            return MillraceCli.EXIT_USAGE;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "list", description = "Lists running and finished jobs (not available yet).")
    static final class ListJobs extends NotAvailable {}

    @Command(mixinStandardHelpOptions = true, name = "cancel", description = "Cancels a job (not available yet).")
    static final class Cancel extends NotAvailable {
        @Parameters(paramLabel = "JOBID", description = "The job's id: 32 hex digits.")
        String jobId;
    }

    @Command(mixinStandardHelpOptions = true, name = "savepoint", description = "Takes a savepoint of a running job (not available yet).")
    static final class Savepoint extends NotAvailable {
        @Parameters(index = "0", paramLabel = "JOBID", description = "The job's id: 32 hex digits.")
        String jobId;

        @Parameters(index = "1", arity = "0..1", paramLabel = "TARGET_DIR",
                description = "Where to write it; default: execution.checkpointing.savepoint-dir.")
        String targetDirectory;
    }

    @Command(mixinStandardHelpOptions = true, name = "stop", description = "Stops a job with a final savepoint (not available yet).")
    static final class Stop extends NotAvailable {
        @Parameters(paramLabel = "JOBID", description = "The job's id: 32 hex digits.")
        String jobId;
    }

    @Command(mixinStandardHelpOptions = true, name = "yarn-session", description = "Starts a long-running Millrace cluster on YARN (not available yet).")
    static final class YarnSession extends NotAvailable {}

    @Command(mixinStandardHelpOptions = true, name = "sandbox", description = "Starts a local cluster to try jobs on (not available yet).")
    static final class Sandbox extends NotAvailable {}
}
