package org.millrace.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    @Command(mixinStandardHelpOptions = true, name = "yarn-session", description = "Starts a long-running Millrace cluster on YARN (not available yet).")
    static final class YarnSession extends NotAvailable {}

    @Command(mixinStandardHelpOptions = true, name = "sandbox", description = "Starts a local cluster to try jobs on (not available yet).")
    static final class Sandbox extends NotAvailable {}
}
