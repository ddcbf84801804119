package org.millrace.jobmaster;

import org.millrace.configuration.Configuration;
import org.millrace.ha.HaServices;
import org.millrace.rpc.RpcService;

/**
 * What every JobMaster of a cluster shares, with the cluster's configuration (a job's own
 * configuration overrides it for the keys the job sets). Immutable; the services themselves are
 * thread-safe.
 */
public record JobMasterServices(
        RpcService rpcService,
        HaServices haServices,
        DeploymentDescriptorFactory deploymentDescriptorFactory,
        Configuration clusterConfiguration) {

    /** With an empty cluster configuration: the job's configuration and the defaults decide. */
    public JobMasterServices(RpcService rpcService, HaServices haServices, DeploymentDescriptorFactory deploymentDescriptorFactory) {
        this(rpcService, haServices, deploymentDescriptorFactory, new Configuration());
    }

    /** The cluster's configuration with the job's laid over it. */
    public Configuration effectiveConfiguration(Configuration jobConfiguration) {
        return new Configuration(clusterConfiguration).addAll(jobConfiguration);
    }
}
