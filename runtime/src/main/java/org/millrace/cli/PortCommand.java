package org.millrace.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.millrace.cli.port.ApiTypeTable;
import org.millrace.cli.port.SourceTreePorter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code millrace port}: ports a Flink job's source tree by rewriting its Flink imports to the
 * Millrace types of the same names (the table built into the runtime jar) and its pom.xml's Flink
 * dependencies to Millrace's. Each import or name it cannot map is one {@code file:line:} line on
 * stderr, and makes the exit code 1. Runs on the CLI's main thread.
 */
@Command(
        name = "port",
        mixinStandardHelpOptions = true,
        description = {
            "Ports a Flink job's sources: copies SRC_DIR to OUT_DIR (or edits it with --in-place), rewriting each"
                    + " 'import org.apache.flink...Name;' to the Millrace type of the same name, and the Flink"
                    + " dependencies of each pom.xml to Millrace's runtime artifact. Nothing else changes.",
            "Imports without a Millrace equivalent, package wildcards and org.apache.flink names written out in"
                    + " full in the code are left as they are and listed as 'file:line: ...'."
        },
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every Flink import was rewritten",
            "1:some Flink imports or names have no Millrace equivalent (listed on stderr); the rest is ported",
            "2:bad command line or directories"
        })
final class PortCommand implements Callable<Integer> {

    @ParentCommand
    private MillraceCli cli;

    @Option(names = "--in-place", description = "Edit SRC_DIR itself instead of writing a copy.")
    private boolean inPlace;

    @Parameters(index = "0", paramLabel = "SRC_DIR", description = "The Flink job's source tree.")
    private Path sourceDir;

    @Parameters(index = "1", arity = "0..1", paramLabel = "OUT_DIR",
            description = "Where the ported copy goes: a new or empty directory outside SRC_DIR.")
    private Path targetDir;

    @Override
    public Integer call() throws CliException, IOException {
        if (!Files.isDirectory(sourceDir)) {
            throw new CliException(MillraceCli.EXIT_USAGE, "millrace port: " + sourceDir + " is not a directory");
        }
        Path target = checkTarget();
        SourceTreePorter.Report report;
        try {
            report = new SourceTreePorter(ApiTypeTable.load()).port(sourceDir, target);
        } catch (IOException e) {
            throw new CliException(MillraceCli.EXIT_FAILURE, "millrace port: " + e, e);
        }
        report.problems().forEach(cli.err()::println);
        report.notes().forEach(cli.out()::println);
        cli.out().println("Ported " + sourceDir + (inPlace ? " in place" : " to " + targetDir) + ": "
                + report.rewrittenImports() + plural(report.rewrittenImports(), " import") + " rewritten in "
                + report.javaFiles() + plural(report.javaFiles(), " Java file") + ", "
                + report.otherFiles() + plural(report.otherFiles(), " other file") + (inPlace ? " kept" : " copied") + "; "
                + (report.succeeded() ? "nothing left to port" : report.problems().size()
                        + plural(report.problems().size(), " Flink reference") + " left without a Millrace equivalent"));
        return report.succeeded() ? MillraceCli.EXIT_SUCCESS : MillraceCli.EXIT_FAILURE;
    }

    private Path checkTarget() throws CliException, IOException {
        if (inPlace) {
            if (targetDir != null) {
                throw new CliException(MillraceCli.EXIT_USAGE, "millrace port: --in-place takes SRC_DIR only, not OUT_DIR");
            }
            return sourceDir;
        }
        if (targetDir == null) {
            throw new CliException(MillraceCli.EXIT_USAGE, "millrace port: OUT_DIR is missing (or use --in-place)");
        }
        if (Files.exists(targetDir) && !isEmptyDirectory(targetDir)) {
            throw new CliException(MillraceCli.EXIT_USAGE,
                    "millrace port: " + targetDir + " exists and is not an empty directory");
        }
        Path source = sourceDir.toRealPath();
        Path target = targetDir.toAbsolutePath().normalize();
        if (Files.exists(targetDir)) {
            target = targetDir.toRealPath();
        }
        if (target.startsWith(source)) {
            throw new CliException(MillraceCli.EXIT_USAGE, "millrace port: OUT_DIR " + targetDir + " is inside SRC_DIR");
        }
        return targetDir;
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static String plural(int count, String noun) {
        return count == 1 ? noun : noun + "s";
    }
}
