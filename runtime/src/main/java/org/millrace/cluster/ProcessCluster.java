package org.millrace.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.HeartbeatManagerOptions;
import org.millrace.configuration.JobManagerOptions;
import org.millrace.configuration.TaskManagerOptions;
import org.millrace.dispatcher.Dispatcher;
import org.millrace.dispatcher.DispatcherGateway;
import org.millrace.ha.LeaderRetrievalUtils;
import org.millrace.ha.StandaloneHaServices;
import org.millrace.jobmaster.DeploymentDescriptorFactory;
import org.millrace.jobmaster.JobManagerRunner;
import org.millrace.jobmaster.JobMasterServices;
import org.millrace.resourcemanager.ProcessResourceDriver;
import org.millrace.resourcemanager.ResourceManager;
import org.millrace.resourcemanager.ResourceManagerGateway;
import org.millrace.rpc.AutoCloseableAsync;
import org.millrace.rpc.netty.NettyRpcService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cluster of local processes ({@code -t process}): the Dispatcher, the ResourceManager and the
 * JobMasters in this JVM, on a Netty RPC service bound to the loopback address
 * ({@code jobmanager.rpc.port}, else a free port), and {@code local.number-taskmanager} TaskManager
 * child JVMs started by a {@link ProcessResourceDriver}, which find the ResourceManager through
 * {@link StandaloneHaServices} at that address. Everything between the TaskManagers and the rest
 * crosses loopback sockets, as it does between YARN containers.
 *
 * <p>Started and closed by one thread (the deployer's or a test's); the getters are thread-safe.
 */
public final class ProcessCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessCluster.class);
    static final String LOOPBACK = "127.0.0.1";

    private final Configuration configuration;
    private final Path logDir;
    private final Path log4jConfigurationFile;

    private NettyRpcService rpcService;
    private StandaloneHaServices haServices;
    private ProcessResourceDriver driver;
    private ResourceManager resourceManager;
    private Dispatcher dispatcher;

    /**
     * @param logDir where the TaskManagers' log files go
     * @param log4jConfigurationFile the TaskManagers' log4j2 configuration, or null for the class path's
     */
    public ProcessCluster(Configuration configuration, Path logDir, Path log4jConfigurationFile) {
        this.configuration = new Configuration(configuration);
        this.logDir = logDir;
        this.log4jConfigurationFile = log4jConfigurationFile;
    }

    /** Starts the components and the TaskManager processes; they register in the background (jobs wait). */
    public void start() throws IOException {
        int port = configuration.contains(JobManagerOptions.RPC_PORT) ? configuration.get(JobManagerOptions.RPC_PORT) : 0;
        rpcService = new NettyRpcService(LOOPBACK, LOOPBACK, port, configuration);
        int boundPort = Integer.parseInt(rpcService.getHostPort().substring(rpcService.getHostPort().lastIndexOf(':') + 1));
        haServices = StandaloneHaServices.forJobManager(LOOPBACK, boundPort);

        Configuration taskManagerConfiguration = new Configuration(configuration)
                .set(JobManagerOptions.RPC_ADDRESS, LOOPBACK)
                .set(JobManagerOptions.RPC_PORT, boundPort)
                .set(TaskManagerOptions.RPC_BIND_HOST, LOOPBACK)
                .set(TaskManagerOptions.HOST, LOOPBACK);
        driver = new ProcessResourceDriver(taskManagerConfiguration, logDir, log4jConfigurationFile);
        resourceManager = new ResourceManager(
                rpcService,
                haServices.getResourceManagerLeaderElection(),
                driver,
                configuration.get(JobManagerOptions.SLOT_REQUEST_TIMEOUT),
                configuration.get(HeartbeatManagerOptions.HEARTBEAT_INTERVAL),
                configuration.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT));
        resourceManager.start();

        JobMasterServices jobMasterServices =
                new JobMasterServices(rpcService, haServices, DeploymentDescriptorFactory.DEFAULT, configuration);
        dispatcher = new Dispatcher(rpcService, haServices,
                (jobGraph, statusListener) -> new JobManagerRunner(jobGraph, jobMasterServices, statusListener));
        dispatcher.start();
        LOG.info("Process cluster: JobManager RPC at {}, TaskManager logs in {}", rpcService.getHostPort(), logDir);
    }

    /**
     * {@code host:port} of the JobManager's RPC service: where {@code millrace list|savepoint|stop|cancel -m}
     * find the Dispatcher ({@link StandaloneClusterRetriever}).
     */
    public String getJobManagerAddress() {
        return rpcService.getHostPort();
    }

    /** The Dispatcher's gateway, once it leads. */
    public CompletableFuture<DispatcherGateway> getDispatcherGateway() {
        return LeaderRetrievalUtils.retrieveLeader(haServices.getDispatcherLeaderRetriever())
                .thenCompose(leader -> rpcService.connect(leader.address(), leader.leaderSessionId(), DispatcherGateway.class));
    }

    /** The ResourceManager's gateway, once it leads. */
    public CompletableFuture<ResourceManagerGateway> getResourceManagerGateway() {
        return LeaderRetrievalUtils.retrieveLeader(haServices.getResourceManagerLeaderRetriever())
                .thenCompose(leader -> rpcService.connect(leader.address(), leader.leaderSessionId(), ResourceManagerGateway.class));
    }

    /** The driver running the TaskManager processes (for tests: their process handles). */
    public ProcessResourceDriver getResourceDriver() {
        return driver;
    }

    /** Stops the Dispatcher (and its JobMasters), then the ResourceManager (and the TaskManager processes), then the services. */
    @Override
    public void close() {
        AutoCloseableAsync.closeAndWait(dispatcher);
        AutoCloseableAsync.closeAndWait(resourceManager);
        if (haServices != null) {
            try {
                haServices.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (rpcService != null) {
            rpcService.close();
        }
    }
}
