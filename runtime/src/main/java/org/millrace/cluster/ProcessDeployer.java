package org.millrace.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.GlobalConfiguration;

/**
 * {@code execution.target: process}: starts a {@link ProcessCluster} (the JobManager side in this JVM,
 * TaskManagers as child JVMs) and returns a client whose {@link ClusterClient#close()} shuts it down.
 * TaskManager logs go to {@code taskmanagers-<client pid>} under {@code millrace.log.dir} (set by
 * {@code bin/millrace}), else to a new temporary directory, configured by {@code log4j2.xml} of {@code millrace.conf.dir} when there is one.
 * Stateless; found through {@link java.util.ServiceLoader}.
 */
public final class ProcessDeployer implements Deployer {

    static final String LOG_DIR_PROPERTY = "millrace.log.dir";

    @Override
    public String target() {
        return "process";
    }

    @Override
    public ClusterClient deploy(Configuration configuration) throws IOException {
        ProcessCluster cluster = new ProcessCluster(configuration, logDir(), log4jConfigurationFile());
        try {
            cluster.start();
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return new DispatcherClusterClient(cluster.getDispatcherGateway(), cluster, cluster.getJobManagerAddress());
    }

    private static Path logDir() {
        String configured = System.getProperty(LOG_DIR_PROPERTY);
        if (configured != null) {
            // one directory per client, so that clusters started side by side keep their logs apart
            return Path.of(configured, "taskmanagers-" + ProcessHandle.current().pid());
        }
        try {
            return Files.createTempDirectory("millrace-process-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a log directory for the TaskManagers", e);
        }
    }

    private static Path log4jConfigurationFile() {
        String confDir = System.getProperty(GlobalConfiguration.CONF_DIR_PROPERTY);
        if (confDir == null) {
            return null;
        }
        Path file = Path.of(confDir, "log4j2.xml");
        return Files.isRegularFile(file) ? file : null;
    }
}
