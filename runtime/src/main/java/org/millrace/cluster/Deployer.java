package org.millrace.cluster;

import org.millrace.configuration.Configuration;

/**
 * Brings up (or finds) a cluster for {@code execution.target} and returns a client for it. Found
 * with {@link java.util.ServiceLoader}: {@code local} in runtime, {@code process} next,
 * {@code yarn-application} and {@code yarn-session} in the YARN modules.
 */
public interface Deployer {

    /** The {@code execution.target} name this deployer serves. */
    String target();

    ClusterClient deploy(Configuration configuration) throws Exception;
}
