package org.millrace.jobmaster;

import org.millrace.ha.HaServices;
import org.millrace.rpc.RpcService;

/** What every JobMaster of a cluster shares. Immutable; the services themselves are thread-safe. */
public record JobMasterServices(
        RpcService rpcService, HaServices haServices, DeploymentDescriptorFactory deploymentDescriptorFactory) {}
