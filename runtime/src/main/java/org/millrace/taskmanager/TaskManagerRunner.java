package org.millrace.taskmanager;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.GlobalConfiguration;
import org.millrace.configuration.HighAvailabilityOptions;
import org.millrace.configuration.IllegalConfigurationException;
import org.millrace.configuration.JobManagerOptions;
import org.millrace.configuration.OptionCatalog;
import org.millrace.configuration.TaskManagerOptions;
import org.millrace.ha.HaServices;
import org.millrace.ha.StandaloneHaServices;
import org.millrace.network.netty.NettyShuffleEnvironment;
import org.millrace.resourcemanager.ResourceID;
import org.millrace.rpc.netty.NettyRpcService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The entry point of a TaskManager process, wherever it runs (a child JVM of {@code -t process}, a
 * YARN container): reads the configuration, binds its RPC service ({@code taskmanager.rpc.bind-host},
 * {@code taskmanager.rpc.port}) and data plane, finds the ResourceManager (without HA at
 * {@code jobmanager.rpc.address}:{@code jobmanager.rpc.port}), registers its slots there and runs
 * until it is told to stop (SIGTERM), until it cannot reach a ResourceManager for
 * {@code taskmanager.registration.timeout}, or, with {@code --exit-with-parent}, until the process
 * that started it is gone (its end of our stdin closes).
 *
 * <p>Exit codes: 0 stopped, {@value #EXIT_STARTUP_FAILURE} could not start, {@value #EXIT_FATAL_ERROR}
 * lost its ResourceManager for good, {@value #EXIT_PARENT_GONE} the parent process is gone.
 *
 * <p>Threads: {@code main} starts the runner and waits for its end; the TaskExecutor's main thread
 * reports fatal errors, the {@code millrace-parent-watchdog} thread the parent's end, a shutdown hook
 * SIGTERM. They meet only in {@link #terminationFuture}, completed once with the exit code.
 */
public final class TaskManagerRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TaskManagerRunner.class);

    public static final int EXIT_STOPPED = 0;
    public static final int EXIT_STARTUP_FAILURE = 1;
    public static final int EXIT_FATAL_ERROR = 2;
    public static final int EXIT_PARENT_GONE = 3;

    private final ResourceID resourceId;
    private final NettyRpcService rpcService;
    private final HaServices haServices;
    private final TaskExecutor taskExecutor;
    private final Duration stopTimeout;
    /** Completed once, from any thread, with the process's exit code. */
    private final CompletableFuture<Integer> terminationFuture = new CompletableFuture<>();

    /** Binds the RPC service and the data plane; {@link #start()} registers at the ResourceManager. */
    public TaskManagerRunner(Configuration configuration, ResourceID resourceId) throws IOException {
        this.resourceId = resourceId;
        String bindHost = configuration.get(TaskManagerOptions.RPC_BIND_HOST);
        String host = advertisedHost(configuration, bindHost);
        this.haServices = haServices(configuration);
        this.rpcService = new NettyRpcService(bindHost, host, configuration.get(TaskManagerOptions.RPC_PORT), configuration);
        NettyShuffleEnvironment shuffleEnvironment;
        try {
            shuffleEnvironment = NettyShuffleEnvironment.fromConfiguration(resourceId.value(), host, configuration);
        } catch (IOException | RuntimeException e) {
            rpcService.close();
            throw e;
        }
        TaskManagerConfiguration taskManagerConfiguration = TaskManagerConfiguration.fromConfiguration(configuration);
        this.stopTimeout = taskManagerConfiguration.cancellationTimeout();
        this.taskExecutor = new TaskExecutor(rpcService, resourceId, taskManagerConfiguration,
                haServices.getResourceManagerLeaderRetriever(), shuffleEnvironment, new DefaultTaskFactory(),
                this::onFatalError);
    }

    private static String advertisedHost(Configuration configuration, String bindHost) throws UnknownHostException {
        if (configuration.contains(TaskManagerOptions.HOST)) {
            return configuration.get(TaskManagerOptions.HOST);
        }
        boolean wildcard = bindHost.equals("0.0.0.0") || bindHost.equals("::") || bindHost.equals("*");
        return wildcard ? InetAddress.getLocalHost().getCanonicalHostName() : bindHost;
    }

    private static HaServices haServices(Configuration configuration) {
        String type = configuration.get(HighAvailabilityOptions.HA_MODE);
        if (!type.equalsIgnoreCase("NONE")) {
            // next round: the ZooKeeper services, found through the ha-zookeeper module
            throw new IllegalConfigurationException("A TaskManager process supports " + HighAvailabilityOptions.HA_MODE.key()
                    + " NONE only so far, not '" + type + "'");
        }
        return StandaloneHaServices.forTaskManager(
                configuration.get(JobManagerOptions.RPC_ADDRESS), configuration.get(JobManagerOptions.RPC_PORT));
    }

    public void start() {
        taskExecutor.start();
        LOG.info("TaskManager {} started: RPC at {}, pid {}", resourceId, taskExecutor.getAddress(), ProcessHandle.current().pid());
    }

    /** Completes with the exit code once the runner should end. */
    public CompletableFuture<Integer> getTerminationFuture() {
        return terminationFuture;
    }

    /** On the TaskExecutor's main thread: only hand the decision over, as stopping waits for that thread. */
    private void onFatalError(Throwable error) {
        LOG.error("TaskManager {} exits: {}", resourceId, error.getMessage(), error);
        terminationFuture.complete(EXIT_FATAL_ERROR);
    }

    /**
     * Watches our stdin: when the parent that started us dies, even by SIGKILL, the OS closes its end of
     * the pipe and the read returns end-of-stream. Only for processes whose stdin is that pipe.
     */
    public void exitWhenStdinCloses(InputStream stdin) {
        Thread watchdog = new Thread(() -> {
            try {
                byte[] buffer = new byte[64];
                while (stdin.read(buffer) >= 0) {
                    // whatever the parent writes means nothing; only the end matters
                }
            } catch (IOException e) {
                LOG.debug("Reading stdin failed", e);
            }
            if (!terminationFuture.isDone()) {
                LOG.warn("TaskManager {} exits: its stdin closed (the process that started it is gone, or stops it)",
                        resourceId);
                terminationFuture.complete(EXIT_PARENT_GONE);
            }
        }, "millrace-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** Stops the TaskExecutor (canceling its tasks, within {@code task.cancellation.timeout}) and the services. */
    @Override
    public void close() {
        try {
            taskExecutor.closeAsync().get(stopTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("TaskManager {} did not stop cleanly", resourceId, e);
        }
        try {
            haServices.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Could not close the HA services", e);
        }
        rpcService.close();
    }

    // ------------------------------------------------------------------------
    //  The process
    // ------------------------------------------------------------------------

    public static void main(String[] args) {
        System.exit(new CommandLine(new Arguments()).execute(args));
    }

    /** The command line of a TaskManager process. Used by the main thread only. */
    @Command(name = "taskmanager", mixinStandardHelpOptions = true,
            description = "Runs a Millrace TaskManager until it is stopped or loses its ResourceManager.")
    static final class Arguments implements Callable<Integer> {

        @Option(names = "--configDir", paramLabel = "DIR", description = "Directory holding millrace.yaml; default: none (only -D).")
        private Path configDir;

        @Option(names = "-D", paramLabel = "key=value", description = "Sets a configuration key; may be repeated.")
        private Map<String, String> dynamicProperties = new LinkedHashMap<>();

        @Option(names = "--resource-id", paramLabel = "ID", description = "This TaskManager's id; default: taskmanager-<host>-<pid>.")
        private String resourceId;

        @Option(names = "--exit-with-parent", description = "Exit when stdin closes (the parent process is gone).")
        private boolean exitWithParent;

        @Override
        public Integer call() throws InterruptedException {
            ResourceID id = new ResourceID(resourceId != null ? resourceId : defaultResourceId());
            TaskManagerRunner runner;
            try {
                Configuration configuration = configuration();
                runner = new TaskManagerRunner(configuration, id);
                runner.start();
            } catch (Exception e) {
                LOG.error("TaskManager {} could not start", id, e);
                System.err.println("TaskManager " + id + " could not start: " + e);
                return EXIT_STARTUP_FAILURE;
            }
            Thread stopOnSigterm = new Thread(() -> {
                runner.terminationFuture.complete(EXIT_STOPPED);
                runner.close();
            }, "millrace-taskmanager-shutdown");
            Runtime.getRuntime().addShutdownHook(stopOnSigterm);
            if (exitWithParent) {
                runner.exitWhenStdinCloses(System.in);
            }
            int exitCode;
            try {
                exitCode = runner.getTerminationFuture().get();
            } catch (ExecutionException e) {
                exitCode = EXIT_FATAL_ERROR;
            }
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnSigterm);
            } catch (IllegalStateException e) {
                return exitCode; // SIGTERM: the shutdown hook stops the runner
            }
            runner.close();
            LOG.info("TaskManager {} exits with code {}", id, exitCode);
            return exitCode;
        }

        private Configuration configuration() {
            if (configDir != null) {
                return GlobalConfiguration.loadConfiguration(configDir, dynamicProperties);
            }
            Configuration configuration = Configuration.fromMap(dynamicProperties);
            for (String unknown : OptionCatalog.validate(configuration, "from -D")) {
                LOG.warn("Configuration key '{}' (from -D) is not a Millrace option", unknown);
            }
            return configuration;
        }

        private static String defaultResourceId() {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "localhost";
            }
            return "taskmanager-" + host + "-" + ProcessHandle.current().pid();
        }
    }
}
