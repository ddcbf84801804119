package org.millrace.cli;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.concurrent.Callable;
import org.millrace.api.JobExecutionException;
import org.millrace.client.ExecutionContext;
import org.millrace.cluster.Deployers;
import org.millrace.configuration.CheckpointingOptions;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.CoreOptions;
import org.millrace.configuration.ExecutionOptions;
import org.millrace.configuration.GlobalConfiguration;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.configuration.OptionCatalog;
import org.millrace.configuration.RpcOptions;
import org.millrace.jobmaster.JobStatus;
import org.millrace.task.TaskFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code millrace run}: loads the configuration, opens the job jar, installs an
 * {@link ExecutionContext} and calls the program's {@code main}; {@code execute()} inside it
 * submits to the cluster {@code execution.target} names. Exit code 0 only when {@code main}
 * returned and every job it submitted finished. Runs on the CLI's main thread.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Runs a job jar: calls its main method, whose execute() submits the job, and follows the"
                + " job until it ends.",
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every job the program submitted finished",
            "1:a job failed or was canceled, or the main method threw",
            "2:bad command line, configuration or job jar"
        })
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @ParentCommand
    private MillraceCli cli;

    @Option(
            names = {"-t", "--target"},
            paramLabel = "TARGET",
            description = "Where the job runs: local, process, yarn-application or yarn-session (execution.target).")
    private String target;

    @Option(names = {"-p", "--parallelism"}, paramLabel = "N", description = "Default parallelism (parallelism.default).")
    private Integer parallelism;

    @Option(
            names = {"-c", "--class"},
            paramLabel = "CLASS",
            description = "Entry class with the main method; default: Main-Class of the jar's manifest.")
    private String entryClass;

    @Option(
            names = {"-d", "--detached"},
            description = "Return once the job is submitted instead of following it (execution.attached=false).")
    private boolean detached;

    @Option(
            names = {"-s", "--fromSavepoint"},
            paramLabel = "SAVEPOINT",
            description = "Savepoint (its directory or _metadata file) to restore the job's state from, also at"
                    + " another parallelism (execution.savepoint.path).")
    private String savepoint;

    @Option(
            names = "-D",
            paramLabel = "key=value",
            description = "Sets a configuration key, overriding millrace.yaml; may be repeated.")
    private Map<String, String> dynamicProperties = new LinkedHashMap<>();

    @Parameters(index = "0", paramLabel = "JAR", description = "The job jar.")
    private Path jar;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the job's main method.")
    private List<String> programArgs = new ArrayList<>();

    @Override
    public Integer call() throws CliException, InterruptedException {
        Configuration configuration = configuration();
        try (PackagedProgram program = PackagedProgram.open(jar, entryClass, getClass().getClassLoader())) {
            checkTarget(configuration, program);
            return run(program, configuration);
        }
    }

    private Configuration configuration() throws CliException {
        Path confDir = cli.confDir();
        try {
            Configuration configuration = GlobalConfiguration.loadConfiguration(confDir, dynamicProperties);
            Configuration fromOptions = new Configuration();
            if (target != null) {
                fromOptions.setString(ExecutionOptions.TARGET.key(), target);
            }
            if (parallelism != null) {
                fromOptions.setString(CoreOptions.DEFAULT_PARALLELISM.key(), parallelism.toString());
            }
            if (detached) {
                fromOptions.set(ExecutionOptions.ATTACHED, false);
            }
            if (savepoint != null) {
                fromOptions.set(CheckpointingOptions.SAVEPOINT_PATH, savepoint);
            }
            OptionCatalog.validate(fromOptions, "from the run options");
            LOG.info("Overrides of {}/{}: -D {}, run options {}",
                    confDir, GlobalConfiguration.CONFIG_FILE_NAME, dynamicProperties, fromOptions);
            return configuration.addAll(fromOptions);
        } catch (IllegalConfigurationException e) {
            throw new CliException(MillraceCli.EXIT_USAGE, e.getMessage(), e);
        }
    }

    /** A typo in the target fails here, before the program runs, rather than inside execute(). */
    private static void checkTarget(Configuration configuration, PackagedProgram program) throws CliException {
        try {
            Deployers.forTarget(configuration.get(ExecutionOptions.TARGET), program.classLoader());
        } catch (IllegalConfigurationException | ServiceConfigurationError e) {
            throw new CliException(MillraceCli.EXIT_USAGE, e.getMessage(), e);
        }
    }

    private int run(PackagedProgram program, Configuration configuration) throws CliException, InterruptedException {
        JobProgressPrinter progress = new JobProgressPrinter(cli.out());
        ExecutionContext previous = ExecutionContext.current();
        ExecutionContext.install(new ExecutionContext(configuration, List.of(program.jarUri()), progress, progress));
        LOG.info("Calling {}.main with {}", program.entryClassName(), programArgs);
        try {
            program.invokeMain(programArgs.toArray(new String[0]));
        } catch (InvocationTargetException e) {
            if (configuration.get(ExecutionOptions.ATTACHED)) {
                // the job's result can reach main before its last status change reaches us: print it first
                progress.awaitFinalStatuses(configuration.get(RpcOptions.RPC_TIMEOUT));
            }
            throw mainThrew(e.getCause());
        } finally {
            ExecutionContext.install(previous);
        }
        return outcome(program, configuration, progress);
    }

    private static CliException mainThrew(Throwable thrown) {
        JobExecutionException jobFailure = find(thrown, JobExecutionException.class);
        if (jobFailure == null) {
            return new CliException(MillraceCli.EXIT_FAILURE,
                    "The job's main method threw: " + thrown + causeSuffix(thrown), thrown);
        }
        TaskFailureException taskFailure = find(jobFailure, TaskFailureException.class);
        String why = taskFailure != null
                ? taskFailure.getMessage()
                : jobFailure.getMessage() + causeSuffix(jobFailure);
        return new CliException(MillraceCli.EXIT_FAILURE, "Job " + jobFailure.getJobID() + " failed: " + why, thrown);
    }

    /** Exit code after main returned: every submitted job must have finished. */
    private int outcome(PackagedProgram program, Configuration configuration, JobProgressPrinter progress)
            throws CliException, InterruptedException {
        if (progress.outcomes().isEmpty()) {
            throw new CliException(MillraceCli.EXIT_FAILURE, "No job was executed: the main method of "
                    + program.entryClassName() + " returned without calling execute()");
        }
        if (configuration.get(ExecutionOptions.ATTACHED)) {
            Duration grace = configuration.get(RpcOptions.RPC_TIMEOUT);
            progress.awaitFinalStatuses(grace);
        }
        for (JobProgressPrinter.JobOutcome job : progress.outcomes()) {
            if (job.finalStatus() == null) {
                if (configuration.get(ExecutionOptions.ATTACHED)) {
                    throw new CliException(MillraceCli.EXIT_FAILURE,
                            "Job " + job.jobId() + " did not report a final status; its main method returned anyway");
                }
            } else if (job.finalStatus() != JobStatus.FINISHED) {
                Throwable cause = job.failureCause();
                TaskFailureException taskFailure = find(cause, TaskFailureException.class);
                String why = taskFailure != null ? ": " + taskFailure.getMessage() : cause != null ? ": " + cause : "";
                throw new CliException(MillraceCli.EXIT_FAILURE,
                        "Job " + job.jobId() + " ended with status " + job.finalStatus() + why, cause);
            }
        }
        return MillraceCli.EXIT_SUCCESS;
    }

    private static String causeSuffix(Throwable t) {
        Throwable root = t;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 64; depth++) {
            root = root.getCause();
        }
        // a message that already quotes its root cause (a missing savepoint) needs no suffix
        boolean quoted = root.getMessage() != null && t.getMessage() != null && t.getMessage().contains(root.getMessage());
        return root == t || quoted ? "" : " (caused by " + root + ")";
    }

    /** The first {@code type} in {@code t}'s cause chain (including {@code t}), or null. */
    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (int depth = 0; t != null && depth < 64; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
