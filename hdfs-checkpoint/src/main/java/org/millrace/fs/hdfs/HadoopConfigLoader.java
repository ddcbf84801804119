package org.millrace.fs.hdfs;

import java.nio.file.Files;
import java.util.Map;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Hadoop {@link org.apache.hadoop.conf.Configuration} Millrace's Hadoop clients use, in
 * three layers, each overriding the one before: Hadoop's defaults (and any {@code *-site.xml} on
 * the class path); {@code core-site.xml} and {@code hdfs-site.xml} from the directory in
 * {@value #ENV_HADOOP_CONF_DIR}, if that is set; and every Millrace key starting with
 * {@value #MILLRACE_PREFIX}, with the prefix removed ({@code fs.hadoop.dfs.replication: 2} sets
 * {@code dfs.replication}). Stateless; any thread.
 */
public final class HadoopConfigLoader {

    /** The environment variable naming the directory of the cluster's Hadoop configuration files. */
    public static final String ENV_HADOOP_CONF_DIR = "HADOOP_CONF_DIR";

    /** Millrace keys with this prefix are Hadoop keys (without it). */
    public static final String MILLRACE_PREFIX = org.millrace.configuration.OptionCatalog.HADOOP_PASSTHROUGH_PREFIX;

    private static final String[] SITE_FILES = {"core-site.xml", "hdfs-site.xml"};

    private static final Logger LOG = LoggerFactory.getLogger(HadoopConfigLoader.class);

    private HadoopConfigLoader() {}

    /** The Hadoop configuration for {@code millraceConfig}, reading the site files in {@code $HADOOP_CONF_DIR}. */
    public static org.apache.hadoop.conf.Configuration load(Configuration millraceConfig) {
        return load(millraceConfig, System.getenv(ENV_HADOOP_CONF_DIR));
    }

    /**
     * As {@link #load(Configuration)}, with the value of {@value #ENV_HADOOP_CONF_DIR} given.
     *
     * @param hadoopConfDir null or blank if the variable is unset (Hadoop's defaults then)
     * @throws IllegalConfigurationException if {@code hadoopConfDir} is not a directory
     */
    public static org.apache.hadoop.conf.Configuration load(Configuration millraceConfig, String hadoopConfDir) {
        org.apache.hadoop.conf.Configuration hadoopConfig = new org.apache.hadoop.conf.Configuration();
        if (hadoopConfDir != null && !hadoopConfDir.isBlank()) {
            addSiteFiles(hadoopConfig, hadoopConfDir.trim());
        }
        for (Map.Entry<String, String> e : millraceConfig.toMap().entrySet()) {
            String key = e.getKey();
            if (key.startsWith(MILLRACE_PREFIX) && key.length() > MILLRACE_PREFIX.length()) {
                hadoopConfig.set(key.substring(MILLRACE_PREFIX.length()), e.getValue(), "Millrace configuration key " + key);
            }
        }
        return hadoopConfig;
    }

    private static void addSiteFiles(org.apache.hadoop.conf.Configuration hadoopConfig, String hadoopConfDir) {
        java.nio.file.Path dir = java.nio.file.Path.of(hadoopConfDir).toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            throw new IllegalConfigurationException("The environment variable " + ENV_HADOOP_CONF_DIR + " points to '"
                    + hadoopConfDir + "', which is not a directory; set it to the directory holding core-site.xml and"
                    + " hdfs-site.xml, or unset it to use Hadoop's defaults");
        }
        for (String name : SITE_FILES) {
            java.nio.file.Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                hadoopConfig.addResource(new org.apache.hadoop.fs.Path(file.toUri()));
                LOG.debug("Hadoop configuration: added {}", file);
            }
        }
    }
}
