package org.millrace.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.millrace.api.JobID;
import org.millrace.cluster.DispatcherClusterClient;
import org.millrace.cluster.StandaloneClusterRetriever;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.GlobalConfiguration;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.configuration.JobManagerOptions;
import org.millrace.configuration.RpcOptions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/**
 * A command that acts on a running cluster ({@code list}, {@code cancel}, {@code savepoint},
 * {@code stop}): finds its Dispatcher at {@code -m HOST:PORT}, else at {@code jobmanager.rpc.address}
 * and {@code jobmanager.rpc.port} of the configuration, and turns each failed call into one line with
 * exit code 1. Every call ends within {@code rpc.timeout}, so an unreachable or silent address never
 * hangs the command. Runs on the CLI's main thread.
 */
abstract class ClusterCommand implements Callable<Integer> {

    @ParentCommand
    private MillraceCli cli;

    @Option(
            names = {"-m", "--jobmanager"},
            paramLabel = "HOST:PORT",
            description = "Address of the JobManager's RPC service (run -t process prints it);"
                    + " default: jobmanager.rpc.address:jobmanager.rpc.port.")
    private String jobManager;

    @Option(
            names = "-D",
            paramLabel = "key=value",
            description = "Sets a configuration key, overriding millrace.yaml (e.g. rpc.timeout); may be repeated.")
    private Map<String, String> dynamicProperties = new LinkedHashMap<>();

    /** Rpc timeout of this client; set before {@link #run} is called. */
    private Duration rpcTimeout;

    @Override
    public final Integer call() throws CliException, InterruptedException {
        Configuration configuration = configuration();
        rpcTimeout = configuration.get(RpcOptions.RPC_TIMEOUT);
        String address = jobManager != null ? jobManager
                : configuration.get(JobManagerOptions.RPC_ADDRESS) + ":" + configuration.get(JobManagerOptions.RPC_PORT);
        int colon = address.lastIndexOf(':');
        int port = colon > 0 ? parsePort(address.substring(colon + 1)) : -1;
        if (port < 0) {
            throw new CliException(MillraceCli.EXIT_USAGE,
                    "Invalid JobManager address '" + address + "': expected HOST:PORT, e.g. 127.0.0.1:6123");
        }
        try (DispatcherClusterClient client = StandaloneClusterRetriever.retrieve(address.substring(0, colon), port, configuration)) {
            return run(client);
        }
    }

    /** Does the command's work against the cluster; returns the exit code. */
    abstract int run(DispatcherClusterClient client) throws CliException, InterruptedException;

    MillraceCli cli() {
        return cli;
    }

    /**
     * The future's value, or a {@link CliException} (exit code 1) saying "Could not {@code action}: why".
     * The rpc calls behind it time out by themselves; the wait here is only a safety net.
     */
    <T> T await(CompletableFuture<T> future, String action) throws CliException, InterruptedException {
        // connecting and the call itself each have rpc.timeout
        long guardMillis = rpcTimeout.toMillis() * 3;
        try {
            return future.get(guardMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = unwrap(e.getCause());
            String why = cause.getMessage() != null ? cause.getMessage() : cause.toString();
            throw new CliException(MillraceCli.EXIT_FAILURE, "Could not " + action + ": " + why, cause);
        } catch (TimeoutException e) {
            throw new CliException(MillraceCli.EXIT_FAILURE,
                    "Could not " + action + ": no answer within " + guardMillis + " ms", e);
        }
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private Configuration configuration() throws CliException {
        Path confDir = cli.confDir();
        try {
            return GlobalConfiguration.loadConfiguration(confDir, dynamicProperties);
        } catch (IllegalConfigurationException e) {
            throw new CliException(MillraceCli.EXIT_USAGE, e.getMessage(), e);
        }
    }

    private static int parsePort(String port) {
        try {
            int p = Integer.parseInt(port);
            return p > 0 && p <= 65535 ? p : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Parses a JOBID parameter: a malformed id is a usage error naming it. */
    static final class JobIdConverter implements ITypeConverter<JobID> {
        @Override
        public JobID convert(String value) {
            try {
                return JobID.fromHexString(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
