package org.millrace.configuration;

/** Leader election and recovery of the JobManager. Constants; any thread. */
public final class HighAvailabilityOptions {

    private HighAvailabilityOptions() {}

    public static final ConfigOption<String> HA_MODE = ConfigOptions.key("high-availability.type")
            .stringType()
            .defaultValue("NONE")
            .withDescription("NONE (a JobManager failure fails its jobs) or ZOOKEEPER (leader election and job"
                    + " recovery through ZooKeeper).");

    public static final ConfigOption<String> HA_ZOOKEEPER_QUORUM = ConfigOptions.key("high-availability.zookeeper.quorum")
            .stringType()
            .noDefaultValue()
            .withDescription("ZooKeeper servers as host:port,host:port; needed with ZOOKEEPER.");

    public static final ConfigOption<String> HA_ZOOKEEPER_ROOT = ConfigOptions.key("high-availability.zookeeper.path.root")
            .stringType()
            .defaultValue("/millrace")
            .withDescription("ZooKeeper node under which all clusters keep their HA data.");

    public static final ConfigOption<String> HA_CLUSTER_ID = ConfigOptions.key("high-availability.cluster-id")
            .stringType()
            .noDefaultValue()
            .withDescription("Names this cluster's HA data under the root; unset: the YARN application id on YARN,"
                    + " 'default' elsewhere.");

    public static final ConfigOption<String> HA_STORAGE_PATH = ConfigOptions.key("high-availability.storageDir")
            .stringType()
            .noDefaultValue()
            .withDescription("Directory (URI, e.g. hdfs:///millrace/ha) for job graphs and checkpoint metadata that"
                    + " ZooKeeper points to; needed with ZOOKEEPER.");
}
