package org.millrace.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobalConfigurationTest {

    @TempDir
    Path confDir;

    private Configuration load(String yaml) throws IOException {
        Files.writeString(confDir.resolve("millrace.yaml"), yaml);
        return GlobalConfiguration.loadConfiguration(confDir);
    }

    @Test
    void flat_and_nested_keys_give_the_same_dotted_keys() throws IOException {
        Configuration c = load("""
                parallelism.default: 4
                taskmanager:
                  numberOfTaskSlots: 2
                  memory:
                    network.size: 128mb
                    segment-size: 16 kb
                execution: {buffer-timeout: 5 ms, target: process}
                """);

        assertThat(c.toMap()).containsOnlyKeys("parallelism.default", "taskmanager.numberOfTaskSlots",
                "taskmanager.memory.network.size", "taskmanager.memory.segment-size", "execution.buffer-timeout",
                "execution.target");
        assertThat(c.get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(4);
        assertThat(c.get(TaskManagerOptions.NUM_TASK_SLOTS)).isEqualTo(2);
        assertThat(c.get(TaskManagerOptions.NETWORK_MEMORY_SIZE)).isEqualTo(MemorySize.ofMebiBytes(128));
        assertThat(c.get(TaskManagerOptions.MEMORY_SEGMENT_SIZE)).isEqualTo(MemorySize.ofKibiBytes(16));
        assertThat(c.get(ExecutionOptions.BUFFER_TIMEOUT)).isEqualTo(Duration.ofMillis(5));
        assertThat(c.get(ExecutionOptions.TARGET)).isEqualTo("process");
        assertThat(c.get(RestOptions.PORT)).as("unset keys keep their default").isEqualTo(8081);
    }

    @Test
    void scalars_keep_their_text_lists_join_with_commas_and_empty_values_stay_unset() throws IOException {
        Configuration c = load("""
                yarn.provided.lib.dirs:
                  - hdfs:///millrace/lib
                  - hdfs:///shared/lib
                high-availability.zookeeper.quorum: "zk1:2181,zk2:2181"
                pipeline.max-parallelism: 0128
                execution.checkpointing.interval:
                rest.bind-address: ~
                some.plugin.flag: true
                """);

        assertThat(c.get(YarnOptions.PROVIDED_LIB_DIRS)).containsExactly("hdfs:///millrace/lib", "hdfs:///shared/lib");
        assertThat(c.toMap()).containsEntry("yarn.provided.lib.dirs", "hdfs:///millrace/lib,hdfs:///shared/lib");
        assertThat(c.get(HighAvailabilityOptions.HA_ZOOKEEPER_QUORUM)).isEqualTo("zk1:2181,zk2:2181");
        assertThat(c.toMap()).containsEntry("pipeline.max-parallelism", "0128");
        assertThat(c.contains(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isFalse();
        assertThat(c.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isNull();
        assertThat(c.contains(RestOptions.BIND_ADDRESS)).isFalse();
        assertThat(c.getString("some.plugin.flag", null)).as("unknown keys are kept").isEqualTo("true");
    }

    @Test
    void an_empty_file_gives_the_defaults() throws IOException {
        Configuration c = load("# nothing set\n");
        assertThat(c.toMap()).isEmpty();
        assertThat(c.get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(1);
    }

    @Test
    void dynamic_properties_override_the_file() throws IOException {
        Files.writeString(confDir.resolve("millrace.yaml"), "parallelism.default: 4\nrest.port: 9000\n");
        Configuration c = GlobalConfiguration.loadConfiguration(
                confDir, Map.of("parallelism.default", "8", "heartbeat.timeout", "2 min"));

        assertThat(c.get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(8);
        assertThat(c.get(RestOptions.PORT)).isEqualTo(9000);
        assertThat(c.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void a_malformed_value_in_the_file_names_file_key_and_value() throws IOException {
        Path file = confDir.resolve("millrace.yaml");
        assertThatThrownBy(() -> load("taskmanager:\n  numberOfTaskSlots: two\n"))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessage("Invalid value 'two' for configuration key 'taskmanager.numberOfTaskSlots': expected an integer"
                        + " (in " + file + ")");
        assertThatThrownBy(() -> load("heartbeat.interval: 10 lightyears\n"))
                .hasMessageContaining("'10 lightyears'")
                .hasMessageContaining("'heartbeat.interval'")
                .hasMessageContaining("unknown time unit 'lightyears'")
                .hasMessageEndingWith("(in " + file + ")");
        assertThatThrownBy(() -> load("parallelism.default: 0\n")).hasMessageContaining("must be at least 1");
    }

    @Test
    void a_malformed_dynamic_property_names_key_value_and_the_command_line() throws IOException {
        Files.writeString(confDir.resolve("millrace.yaml"), "");
        assertThatThrownBy(() -> GlobalConfiguration.loadConfiguration(confDir, Map.of("rest.port", "http")))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessage("Invalid value 'http' for configuration key 'rest.port': expected an integer (from -D)");
    }

    @Test
    void malformed_yaml_names_the_file_and_the_line() {
        Path file = confDir.resolve("millrace.yaml");
        assertThatThrownBy(() -> load("parallelism.default: 1\nrest.port: [8081\n"))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessage("Cannot parse configuration file '" + file + "': while parsing a flow sequence: expected ','"
                        + " or ']', but got <stream end> (line 2, column 17)");
        assertThatThrownBy(() -> load("parallelism.default: 1\n  bad indentation: 2\n"))
                .hasMessage("Cannot parse configuration file '" + file + "': mapping values are not allowed here"
                        + " (line 2, column 18)");
        assertThatThrownBy(() -> load("- just\n- a list\n"))
                .hasMessageContaining("the top level must be a map of keys to values");
        assertThatThrownBy(() -> load("a: [{b: 1}]\n")).hasMessageContaining("the list of key 'a' may only hold plain values");
    }

    @Test
    void a_key_given_twice_is_an_error_even_across_flat_and_nested_forms() {
        assertThatThrownBy(() -> load("rest.port: 1\nrest:\n  port: 2\n"))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("key 'rest.port' is given twice")
                .hasMessageContaining("(line 3");
        assertThatThrownBy(() -> load("rest.port: 1\nrest.port: 2\n")).hasMessageContaining("rest.port");
    }

    @Test
    void a_missing_directory_or_file_says_how_to_point_at_one() throws IOException {
        Path missing = confDir.resolve("nope");
        assertThatThrownBy(() -> GlobalConfiguration.loadConfiguration(missing))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessage("Configuration directory '" + missing + "' does not exist (set MILLRACE_CONF_DIR to the"
                        + " directory holding millrace.yaml)");
        assertThatThrownBy(() -> GlobalConfiguration.loadConfiguration(confDir))
                .hasMessageStartingWith("Configuration file '" + confDir.resolve("millrace.yaml") + "' does not exist");
    }

    @Test
    void the_catalog_reports_unknown_keys_without_failing() {
        Configuration c = new Configuration().setString("parallelism.default", "2").setString("paralelism.default", "3");
        List<String> unknown = OptionCatalog.validate(c, "from a test");
        assertThat(unknown).containsExactly("paralelism.default");
    }

    @Test
    void when_hadoopPassThroughKey_then_notReportedAsUnknown() {
        Configuration c = new Configuration().setString("fs.hadoop.dfs.replication", "2").setString("fs.hadoopx", "1");
        assertThat(OptionCatalog.validate(c, "from a test")).containsExactly("fs.hadoopx");
    }
}
