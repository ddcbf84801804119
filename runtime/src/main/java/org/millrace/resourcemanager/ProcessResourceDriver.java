package org.millrace.resourcemanager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.JobManagerOptions;
import org.millrace.configuration.LocalClusterOptions;
import org.millrace.configuration.MemorySize;
import org.millrace.configuration.TaskManagerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs TaskManagers as child JVMs of this one ({@code -t process}): a fixed pool of
 * {@code local.number-taskmanager} processes of {@code org.millrace.taskmanager.TaskManagerRunner},
 * started with this JVM's {@code java} and class path (job jars reach them with each deployment),
 * the cluster configuration as {@code -D} arguments, and a log file each,
 * {@code <log dir>/taskmanager-<n>.log} (stderr next to it, {@code .err}). Their stdout is this JVM's,
 * so that what jobs print (a {@code print()} sink) shows where the client runs, as with {@code -t local}. A process that
 * ends while the cluster runs is reported lost, with its exit code, and replaced; closing the driver,
 * or this JVM ending (shutdown hook; and when killed, the children notice their stdin closing), ends them all.
 *
 * <p>Threads: the ResourceManager's main thread calls the {@link ResourceDriver} methods; process exits
 * arrive on the JDK's process reaper threads. Both go through {@code this} as lock, which guards
 * the mutable fields.
 */
public final class ProcessResourceDriver implements ResourceDriver {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessResourceDriver.class);
    private static final String RUNNER_CLASS = "org.millrace.taskmanager.TaskManagerRunner";
    /** A process that ends by itself sooner than this after its start counts as a failed start. */
    private static final Duration MIN_HEALTHY_LIFETIME = Duration.ofSeconds(10);
    /** Failed starts in a row after which the driver stops replacing (a configuration that cannot work). */
    private static final int MAX_FAILED_STARTS_IN_A_ROW = 3;
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** System properties handed on to the children as they are here. */
    private static final List<String> INHERITED_PROPERTIES = List.of(
            "org.apache.avro.SERIALIZABLE_PACKAGES", "java.util.logging.manager", "log4j2.julLoggerAdapter");

    private final Configuration configuration;
    private final int numberOfTaskManagers;
    private final int slotsPerTaskManager;
    private final Path logDir;
    private final Path log4jConfigurationFile;
    private final Thread killOnExit = new Thread(this::killAll, "millrace-taskmanager-reaper");

    /** Guarded by {@code this}. */
    private final Map<ResourceID, Process> running = new LinkedHashMap<>();
    /** Guarded by {@code this}. */
    private ResourceEventHandler handler;
    /** Guarded by {@code this}. */
    private int started;
    /** Guarded by {@code this}. */
    private int failedStartsInARow;
    /** Guarded by {@code this}. */
    private boolean closed;

    /**
     * @param configuration the cluster's configuration, passed on to every TaskManager; it must name the
     *     JobManager's RPC address and port (jobmanager.rpc.address, jobmanager.rpc.port)
     * @param logDir where the TaskManagers' log files go
     * @param log4jConfigurationFile the TaskManagers' log4j2 configuration (conf/log4j2.xml), or null for
     *     whatever log4j finds on the class path
     */
    public ProcessResourceDriver(Configuration configuration, Path logDir, Path log4jConfigurationFile) {
        this.configuration = new Configuration(configuration);
        this.numberOfTaskManagers = configuration.get(LocalClusterOptions.NUM_TASK_MANAGERS);
        this.slotsPerTaskManager = configuration.get(TaskManagerOptions.NUM_TASK_SLOTS);
        this.logDir = logDir;
        this.log4jConfigurationFile = log4jConfigurationFile;
        if (!configuration.contains(JobManagerOptions.RPC_PORT)) {
            throw new IllegalArgumentException("the TaskManagers need " + JobManagerOptions.RPC_PORT.key());
        }
    }

    @Override
    public synchronized void initialize(ResourceEventHandler eventHandler) throws IOException {
        this.handler = eventHandler;
        Files.createDirectories(logDir);
        Runtime.getRuntime().addShutdownHook(killOnExit);
        requestTaskManagers(numberOfTaskManagers);
    }

    @Override
    public synchronized void requestTaskManagers(int count) {
        int toStart = Math.min(count, numberOfTaskManagers - running.size());
        for (int i = 0; i < toStart && !closed; i++) {
            startTaskManager();
        }
    }

    /** Called with the lock held. */
    private void startTaskManager() {
        ResourceID id = new ResourceID("taskmanager-" + (++started));
        Process process;
        try {
            process = new ProcessBuilder(command(id))
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.appendTo(logDir.resolve(id.value() + ".err").toFile()))
                    // stdin stays a pipe from us: the child exits when it closes (we are gone)
                    .start();
        } catch (IOException e) {
            LOG.error("Could not start TaskManager process {}", id, e);
            handler.onError(e);
            return;
        }
        long startedAt = System.nanoTime();
        running.put(id, process);
        LOG.info("Started TaskManager {} as process {}; log: {}", id, process.pid(), logDir.resolve(id.value() + ".log"));
        handler.onTaskManagerStarted(id);
        process.onExit().thenAccept(p -> onProcessExit(id, p, System.nanoTime() - startedAt));
    }

    private List<String> command(ResourceID id) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heapMebiBytes() + "m");
        if (configuration.contains(TaskManagerOptions.JVM_OPTIONS)) {
            // after our own, so that they can override them
            for (String option : configuration.get(TaskManagerOptions.JVM_OPTIONS).trim().split("\\s+")) {
                if (!option.isEmpty()) {
                    command.add(option);
                }
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        for (String property : INHERITED_PROPERTIES) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        if (log4jConfigurationFile != null) {
            command.add("-Dlog4j2.configurationFile=" + log4jConfigurationFile);
        }
        command.add("-Dmillrace.log.dir=" + logDir);
        command.add("-Dmillrace.log.file=" + id.value() + ".log");
        command.add(RUNNER_CLASS);
        command.add("--resource-id");
        command.add(id.value());
        command.add("--exit-with-parent");
        for (Map.Entry<String, String> e : configuration.toMap().entrySet()) {
            command.add("-D" + e.getKey() + "=" + e.getValue());
        }
        return command;
    }

    /** The heap: the process size less room for metaspace, thread stacks and direct memory. */
    private long heapMebiBytes() {
        long process = configuration.get(TaskManagerOptions.TOTAL_PROCESS_MEMORY).getBytes() / MemorySize.ofMebiBytes(1).getBytes();
        return Math.max(128, process - Math.min(384, process / 4));
    }

    /** On a process reaper thread. */
    private void onProcessExit(ResourceID id, Process process, long livedNanos) {
        ResourceEventHandler events;
        boolean replace;
        synchronized (this) {
            if (running.get(id) != process) {
                return; // released on purpose
            }
            running.remove(id);
            if (closed) {
                return;
            }
            events = handler;
            // killed by a signal (128 + SIGKILL/SIGTERM) is something done to it, not a configuration that cannot start
            boolean killedFromOutside = process.exitValue() == 137 || process.exitValue() == 143;
            boolean failedStart = livedNanos < MIN_HEALTHY_LIFETIME.toNanos() && !killedFromOutside;
            failedStartsInARow = failedStart ? failedStartsInARow + 1 : 0;
            replace = failedStartsInARow < MAX_FAILED_STARTS_IN_A_ROW;
            if (replace) {
                // the replacement is announced before the loss, so that the ResourceManager counts it
                // as coming and asks for no other
                startTaskManager();
            }
        }
        String diagnostics = "TaskManager process " + process.pid() + " exited with code " + process.exitValue()
                + "; see " + logDir.resolve(id.value() + ".log");
        LOG.warn("{}{}", diagnostics, replace ? "; started a replacement" : "");
        events.onTaskManagerLost(id, diagnostics);
        if (!replace) {
            events.onError(new IllegalStateException(MAX_FAILED_STARTS_IN_A_ROW + " TaskManager processes in a row"
                    + " ended within " + MIN_HEALTHY_LIFETIME.toSeconds() + " s of their start; not starting more."
                    + " Last: " + diagnostics));
        }
    }

    @Override
    public void releaseTaskManager(ResourceID resourceId) {
        Process process;
        synchronized (this) {
            process = running.remove(resourceId);
        }
        if (process != null) {
            process.destroy();
        }
    }

    /** The running TaskManager processes, by id (for tests and diagnostics). */
    public synchronized Map<ResourceID, ProcessHandle> processes() {
        Map<ResourceID, ProcessHandle> handles = new LinkedHashMap<>();
        running.forEach((id, p) -> handles.put(id, p.toHandle()));
        return handles;
    }

    public Path getLogDir() {
        return logDir;
    }

    @Override
    public int slotsPerTaskManager() {
        return slotsPerTaskManager;
    }

    @Override
    public int maximumSlots() {
        return numberOfTaskManagers * slotsPerTaskManager;
    }

    @Override
    public String describeMaximumSlots() {
        return LocalClusterOptions.NUM_TASK_MANAGERS.key() + "=" + numberOfTaskManagers + " x "
                + TaskManagerOptions.NUM_TASK_SLOTS.key() + "=" + slotsPerTaskManager;
    }

    /** Stops every process (SIGTERM, then SIGKILL after a grace period); completes when all have ended. */
    @Override
    public CompletableFuture<Void> closeAsync() {
        List<Process> toStop;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.completedFuture(null);
            }
            closed = true;
            toStop = new ArrayList<>(running.values());
            running.clear();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException | SecurityException e) {
            // the JVM is shutting down: the hook kills them anyway
        }
        CompletableFuture<?>[] ended = new CompletableFuture<?>[toStop.size()];
        for (int i = 0; i < ended.length; i++) {
            Process p = toStop.get(i);
            p.destroy();
            ended[i] = p.onExit()
                    .orTimeout(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                    .exceptionallyCompose(timeout -> {
                        LOG.warn("TaskManager process {} did not stop within {} s; killing it", p.pid(), STOP_GRACE.toSeconds());
                        p.destroyForcibly();
                        return p.onExit();
                    });
        }
        return CompletableFuture.allOf(ended);
    }

    /** The shutdown hook: no grace, the JVM is going. */
    private void killAll() {
        List<Process> toKill;
        synchronized (this) {
            closed = true;
            toKill = new ArrayList<>(running.values());
        }
        for (Process p : toKill) {
            p.destroyForcibly();
        }
    }
}
