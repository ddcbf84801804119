package org.millrace.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.millrace.configuration.GlobalConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code bin/millrace} command line: {@code run}, {@code list}, {@code cancel}, {@code savepoint},
 * {@code stop}, {@code port} and the commands still to come. Every
 * failure is one line on stderr with exit code 1 (a job failed or the program threw) or 2 (bad
 * command line, configuration or jar); stack traces go to the log file, and to stderr with
 * {@code --verbose}. Runs on the JVM's main thread; tests call {@link #execute} in-process.
 */
@Command(
        name = "millrace",
        mixinStandardHelpOptions = true,
        versionProvider = MillraceCli.Version.class,
        description = "Runs and manages Millrace stream processing jobs.",
        footer = {
            "",
            "Configuration: $MILLRACE_CONF_DIR/millrace.yaml (default: conf/ of the installation), overridden with -D.",
            "Logs: $MILLRACE_LOG_DIR (default: log/ of the installation)."
        },
        subcommands = {
            RunCommand.class,
            ListCommand.class,
            CancelCommand.class,
            SavepointCommand.class,
            StopCommand.class,
            PlannedCommands.YarnSession.class,
            PlannedCommands.Sandbox.class,
            PortCommand.class,
        })
public final class MillraceCli implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(MillraceCli.class);

    public static final int EXIT_SUCCESS = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "Print stack traces of failures (they always go to the log file).")
    private boolean verbose;

    @Spec
    private CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;
    private final Supplier<Path> confDir;

    /** @param confDir where {@code millrace.yaml} is, asked only by commands that need it */
    public MillraceCli(PrintStream out, PrintStream err, Supplier<Path> confDir) {
        this.out = out;
        this.err = err;
        this.confDir = confDir;
    }

    public static void main(String[] args) {
        int exitCode = new MillraceCli(System.out, System.err, () -> defaultConfDir(System.getenv())).execute(args);
        System.out.flush();
        // also ends the threads of a local cluster that the job's execute() started in this JVM
        System.exit(exitCode);
    }

    /** Parses {@code args}, runs the command and returns its exit code. */
    public int execute(String... args) {
        CommandLine commandLine = new CommandLine(this);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        // everything after the jar belongs to the job's main method, options included
        commandLine.getSubcommands().get("run").setStopAtPositional(true);
        commandLine.setParameterExceptionHandler(this::usageError);
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> failure(e));
        return commandLine.execute(args);
    }

    /** Without a subcommand: the usage help, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return EXIT_USAGE;
    }

    private int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        cl.getErr().println(e.getMessage());
        cl.getErr().println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        return EXIT_USAGE;
    }

    private int failure(Exception e) {
        if (e instanceof CommandLine.ParameterException) {
            return usageError((CommandLine.ParameterException) e, new String[0]);
        }
        if (e instanceof CliException) {
            CliException failure = (CliException) e;
            err.println(failure.getMessage());
            if (failure.getCause() != null) {
                LOG.error(failure.getMessage(), failure.getCause());
                if (verbose) {
                    failure.getCause().printStackTrace(err);
                }
            } else {
                LOG.error(failure.getMessage());
            }
            return failure.exitCode();
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            err.println("Interrupted");
            return EXIT_FAILURE;
        }
        LOG.error("Unexpected failure of the command line client", e);
        err.println("Unexpected failure of the command line client: " + e);
        if (verbose) {
            e.printStackTrace(err);
        }
        return EXIT_FAILURE;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    Path confDir() {
        return confDir.get();
    }

    /**
     * The configuration directory: the {@code millrace.conf.dir} system property (set by
     * {@code bin/millrace}), else {@code $MILLRACE_CONF_DIR}, else {@code conf/} next to the
     * {@code lib/} directory holding this class's jar.
     */
    static Path defaultConfDir(Map<String, String> env) {
        String property = System.getProperty(GlobalConfiguration.CONF_DIR_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String fromEnv = env.get(GlobalConfiguration.ENV_CONF_DIR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        CodeSource source = MillraceCli.class.getProtectionDomain().getCodeSource();
        try {
            Path location = Path.of(source.getLocation().toURI());
            Path base = Files.isRegularFile(location) ? location.getParent() : location;
            return base.resolveSibling("conf").toAbsolutePath().normalize();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("conf").toAbsolutePath();
        }
    }

    /** The version Maven recorded in the runtime jar. */
    static final class Version implements IVersionProvider {
        private static final String POM_PROPERTIES = "/META-INF/maven/org.millrace/millrace-runtime/pom.properties";

        @Override
        public String[] getVersion() throws IOException {
            Properties pom = new Properties();
            try (InputStream in = MillraceCli.class.getResourceAsStream(POM_PROPERTIES)) {
                if (in != null) {
                    pom.load(in);
                }
            }
            return new String[] {"Millrace " + pom.getProperty("version", "(development build)")};
        }
    }
}
