package org.millrace.fs.hdfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;

/** Verifying the layers of the Hadoop configuration: defaults, then $HADOOP_CONF_DIR's site files, then fs.hadoop.* keys. */
class HadoopConfigLoaderTest {

    @TempDir
    java.nio.file.Path tmp;

    private static String site(String... keyValues) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<configuration>\n");
        for (int i = 0; i < keyValues.length; i += 2) {
            xml.append("  <property><name>").append(keyValues[i]).append("</name><value>").append(keyValues[i + 1])
                    .append("</value></property>\n");
        }
        return xml.append("</configuration>\n").toString();
    }

    @Test
    void when_noHadoopConfDir_then_hadoopDefaultsAndPassThroughKeys() {
        Configuration millrace = new Configuration()
                .setString("fs.hadoop.dfs.replication", "2")
                .setString("fs.hadoop.", "ignored: no key after the prefix")
                .setString("parallelism.default", "4");

        org.apache.hadoop.conf.Configuration hadoop = HadoopConfigLoader.load(millrace, null);

        assertThat(hadoop.get("dfs.replication")).isEqualTo("2");
        assertThat(hadoop.get("fs.defaultFS")).as("Hadoop's default").isEqualTo("file:///");
        assertThat(hadoop.get("parallelism.default")).as("Millrace keys stay Millrace's").isNull();
        assertThat(hadoop.get("")).isNull();
        assertThat(HadoopConfigLoader.load(new Configuration(), "  ").get("fs.defaultFS")).isEqualTo("file:///");
    }

    @Test
    void when_hadoopConfDirSet_then_siteFilesLoadedAndPassThroughKeysWin() throws IOException {
        Files.writeString(tmp.resolve("core-site.xml"), site("fs.defaultFS", "hdfs://nn.example:8020", "io.file.buffer.size", "65536"));
        Files.writeString(tmp.resolve("hdfs-site.xml"), site("dfs.replication", "3", "dfs.blocksize", "64m"));
        Files.writeString(tmp.resolve("yarn-site.xml"), site("dfs.blocksize", "1m"));
        Configuration millrace = new Configuration().setString("fs.hadoop.dfs.replication", "2");

        org.apache.hadoop.conf.Configuration hadoop = HadoopConfigLoader.load(millrace, tmp.toString());

        assertThat(hadoop.get("fs.defaultFS")).isEqualTo("hdfs://nn.example:8020");
        assertThat(hadoop.get("io.file.buffer.size")).isEqualTo("65536");
        assertThat(hadoop.get("dfs.blocksize")).as("from hdfs-site.xml; other site files are not read").isEqualTo("64m");
        assertThat(hadoop.get("dfs.replication")).as("fs.hadoop.* over the site files").isEqualTo("2");
    }

    @Test
    void when_hadoopConfDirOnlyHasCoreSite_then_thatIsEnough() throws IOException {
        Files.writeString(tmp.resolve("core-site.xml"), site("fs.defaultFS", "hdfs://only-core:8020"));

        assertThat(HadoopConfigLoader.load(new Configuration(), tmp.toString()).get("fs.defaultFS")).isEqualTo("hdfs://only-core:8020");
    }

    @Test
    void when_hadoopConfDirMissing_then_errorNamesTheVariableAndTheDirectory() {
        String missing = tmp.resolve("no-such-dir").toString();

        assertThatThrownBy(() -> HadoopConfigLoader.load(new Configuration(), missing))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("HADOOP_CONF_DIR")
                .hasMessageContaining(missing)
                .hasMessageContaining("not a directory");
    }
}
