package org.millrace.cluster;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.LocalClusterOptions;
import org.millrace.dispatcher.Dispatcher;
import org.millrace.dispatcher.DispatcherGateway;
import org.millrace.ha.EmbeddedHaServices;
import org.millrace.ha.HaServices;
import org.millrace.ha.LeaderRetrievalUtils;
import org.millrace.jobmaster.DeploymentDescriptorFactory;
import org.millrace.jobmaster.JobManagerRunner;
import org.millrace.jobmaster.JobMasterServices;
import org.millrace.network.ShuffleEnvironment;
import org.millrace.resourcemanager.InJvmResourceDriver;
import org.millrace.resourcemanager.ResourceID;
import org.millrace.resourcemanager.ResourceManager;
import org.millrace.resourcemanager.ResourceManagerGateway;
import org.millrace.configuration.HeartbeatManagerOptions;
import org.millrace.configuration.JobManagerOptions;
import org.millrace.rpc.AutoCloseableAsync;
import org.millrace.rpc.LocalRpcService;
import org.millrace.rpc.RpcService;
import org.millrace.taskmanager.DefaultTaskFactory;
import org.millrace.taskmanager.ShuffleEnvironmentFactory;
import org.millrace.taskmanager.TaskExecutor;
import org.millrace.taskmanager.TaskFactory;
import org.millrace.taskmanager.TaskManagerConfiguration;

/**
 * A whole cluster in this JVM (Flink's MiniCluster): embedded HA services, the ResourceManager with an
 * {@link InJvmResourceDriver} that starts {@code local.number-taskmanager} TaskExecutors of
 * {@code taskmanager.numberOfTaskSlots} slots, and the Dispatcher, all talking through a
 * {@link LocalRpcService} exactly as they will over the network. {@link #close()} stops everything;
 * all its threads are daemon threads named {@code millrace-<component>...}.
 *
 * <p>Started and closed by one thread (the deployer's or a test's); the getters are thread-safe.
 */
public final class LocalCluster implements AutoCloseable {

    private final Configuration configuration;
    private final ShuffleEnvironmentFactory shuffleEnvironmentFactory;
    private final TaskFactory taskFactory;
    private final DeploymentDescriptorFactory deploymentDescriptorFactory;

    private final RpcService rpcService = new LocalRpcService();
    private final EmbeddedHaServices haServices = new EmbeddedHaServices();
    private TaskManagerConfiguration taskManagerConfiguration;
    private ResourceManager resourceManager;
    private Dispatcher dispatcher;

    private LocalCluster(Builder builder) {
        this.configuration = new Configuration(builder.configuration);
        this.shuffleEnvironmentFactory = Objects.requireNonNull(builder.shuffleEnvironmentFactory, "shuffleEnvironmentFactory");
        this.taskFactory = builder.taskFactory;
        this.deploymentDescriptorFactory = builder.deploymentDescriptorFactory;
    }

    public static Builder builder(Configuration configuration) {
        return new Builder(configuration);
    }

    /** Starts the components; TaskManagers register in the background (jobs wait for their slots). */
    public void start() {
        taskManagerConfiguration = TaskManagerConfiguration.fromConfiguration(configuration);
        InJvmResourceDriver driver = new InJvmResourceDriver(
                configuration.get(LocalClusterOptions.NUM_TASK_MANAGERS),
                taskManagerConfiguration.numberOfSlots(),
                this::startTaskExecutor);
        resourceManager = new ResourceManager(
                rpcService,
                haServices.getResourceManagerLeaderElection(),
                driver,
                configuration.get(JobManagerOptions.SLOT_REQUEST_TIMEOUT),
                configuration.get(HeartbeatManagerOptions.HEARTBEAT_INTERVAL),
                configuration.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT));
        resourceManager.start();

        JobMasterServices jobMasterServices = new JobMasterServices(rpcService, haServices, deploymentDescriptorFactory);
        dispatcher = new Dispatcher(rpcService, haServices,
                (jobGraph, statusListener) -> new JobManagerRunner(jobGraph, jobMasterServices, statusListener));
        dispatcher.start();
    }

    /** Called by the resource driver on the ResourceManager's main thread. */
    private AutoCloseableAsync startTaskExecutor(ResourceID resourceId) throws Exception {
        ShuffleEnvironment shuffleEnvironment = shuffleEnvironmentFactory.create(resourceId);
        try {
            TaskExecutor taskExecutor = new TaskExecutor(rpcService, resourceId, taskManagerConfiguration,
                    haServices.getResourceManagerLeaderRetriever(), shuffleEnvironment, taskFactory);
            taskExecutor.start();
            return taskExecutor;
        } catch (RuntimeException e) {
            shuffleEnvironment.close();
            throw e;
        }
    }

    /** The Dispatcher leader's gateway, once it leads. */
    public CompletableFuture<DispatcherGateway> getDispatcherGateway() {
        return LeaderRetrievalUtils.retrieveLeader(haServices.getDispatcherLeaderRetriever())
                .thenCompose(leader -> rpcService.connect(leader.address(), leader.leaderSessionId(), DispatcherGateway.class));
    }

    /** The ResourceManager leader's gateway, once it leads. */
    public CompletableFuture<ResourceManagerGateway> getResourceManagerGateway() {
        return LeaderRetrievalUtils.retrieveLeader(haServices.getResourceManagerLeaderRetriever())
                .thenCompose(leader -> rpcService.connect(leader.address(), leader.leaderSessionId(), ResourceManagerGateway.class));
    }

    RpcService getRpcService() {
        return rpcService;
    }

    HaServices getHaServices() {
        return haServices;
    }

    /** Stops the Dispatcher (and its JobMasters), then the ResourceManager (and the TaskManagers), then the services. */
    @Override
    public void close() {
        // JobMasters first, so that no new tasks are deployed while TaskManagers stop theirs
        AutoCloseableAsync.closeAndWait(dispatcher);
        AutoCloseableAsync.closeAndWait(resourceManager);
        try {
            haServices.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        rpcService.close();
    }

    /** Configures a {@link LocalCluster}; only the shuffle environment factory has no default. */
    public static final class Builder {
        private final Configuration configuration;
        private ShuffleEnvironmentFactory shuffleEnvironmentFactory;
        private TaskFactory taskFactory = new DefaultTaskFactory();
        private DeploymentDescriptorFactory deploymentDescriptorFactory = DeploymentDescriptorFactory.DEFAULT;

        private Builder(Configuration configuration) {
            this.configuration = configuration;
        }

        /** Creates each TaskManager's data plane; one factory per cluster (it may share state among them). */
        public Builder shuffleEnvironmentFactory(ShuffleEnvironmentFactory factory) {
            this.shuffleEnvironmentFactory = factory;
            return this;
        }

        public Builder taskFactory(TaskFactory factory) {
            this.taskFactory = factory;
            return this;
        }

        public Builder deploymentDescriptorFactory(DeploymentDescriptorFactory factory) {
            this.deploymentDescriptorFactory = factory;
            return this;
        }

        public LocalCluster build() {
            return new LocalCluster(this);
        }
    }
}
