package org.millrace.cli.port;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Swapping a pom.xml's Flink dependencies for Millrace's; the rest of the text must not move. */
class PomRewriterTest {

    private final PomRewriter rewriter = new PomRewriter("0.9.0");

    private static final String MILLRACE = ""
            + "    <dependency>\n"
            + "      <groupId>org.millrace</groupId>\n"
            + "      <artifactId>millrace-runtime</artifactId>\n"
            + "      <version>0.9.0</version>\n"
            + "      <scope>provided</scope>\n"
            + "    </dependency>\n";

    @Test
    void flink_dependencies_become_one_millrace_dependency_and_the_rest_stays() {
        String pom = "<project>\n"
                + "  <properties><flink.version>2.1.0</flink.version></properties>\n"
                + "  <dependencies>\n"
                + "    <!-- the job -->\n"
                + "    <dependency>\n"
                + "      <groupId>org.apache.flink</groupId>\n"
                + "      <artifactId>flink-streaming-java</artifactId>\n"
                + "      <version>${flink.version}</version>\n"
                + "    </dependency>\n"
                + "    <dependency>\n"
                + "      <groupId>com.google.guava</groupId>\n"
                + "      <artifactId>guava</artifactId>\n"
                + "      <exclusions><exclusion><groupId>org.apache.flink</groupId><artifactId>x</artifactId></exclusion></exclusions>\n"
                + "    </dependency>\n"
                + "    <dependency>\n"
                + "      <groupId> org.apache.flink </groupId>\n"
                + "      <artifactId>flink-clients</artifactId>\n"
                + "    </dependency>\n"
                + "  </dependencies>\n"
                + "</project>\n";

        PomRewriter.Result r = rewriter.rewrite(pom);

        assertThat(r.text()).isEqualTo("<project>\n"
                + "  <properties><flink.version>2.1.0</flink.version></properties>\n"
                + "  <dependencies>\n"
                + "    <!-- the job -->\n"
                + MILLRACE
                + "    <dependency>\n"
                + "      <groupId>com.google.guava</groupId>\n"
                + "      <artifactId>guava</artifactId>\n"
                + "      <exclusions><exclusion><groupId>org.apache.flink</groupId><artifactId>x</artifactId></exclusion></exclusions>\n"
                + "    </dependency>\n"
                + "  </dependencies>\n"
                + "</project>\n");
        assertThat(r.removedArtifacts()).containsExactly("flink-streaming-java", "flink-clients");
    }

    @Test
    void each_dependency_list_gets_its_own_millrace_dependency_and_comments_are_left_alone() {
        String flink = "    <dependency>\n"
                + "      <groupId>org.apache.flink</groupId>\n"
                + "      <artifactId>flink-core</artifactId>\n"
                + "    </dependency>\n";
        String commented = "    <!--\n" + flink + "    -->\n";
        String pom = "<project>\n<dependencyManagement>\n  <dependencies>\n" + flink + "  </dependencies>\n"
                + "</dependencyManagement>\n  <dependencies>\n" + commented + flink + "  </dependencies>\n</project>\n";

        PomRewriter.Result r = rewriter.rewrite(pom);

        assertThat(r.text()).isEqualTo("<project>\n<dependencyManagement>\n  <dependencies>\n" + MILLRACE
                + "  </dependencies>\n</dependencyManagement>\n  <dependencies>\n" + commented + MILLRACE
                + "  </dependencies>\n</project>\n");
        assertThat(r.removedArtifacts()).containsExactly("flink-core", "flink-core");
    }

    @Test
    void crlf_poms_stay_crlf_and_poms_without_flink_stay_the_same() {
        String pom = "<project>\r\n  <dependencies>\r\n    <dependency>\r\n      <groupId>org.apache.flink</groupId>\r\n"
                + "      <artifactId>flink-core</artifactId>\r\n    </dependency>\r\n  </dependencies>\r\n</project>\r\n";
        String plain = "<project>\n  <dependencies>\n    <dependency>\n      <groupId>a</groupId>\n"
                + "    </dependency>\n  </dependencies>\n</project>\n";

        assertThat(rewriter.rewrite(pom).text()).isEqualTo("<project>\r\n  <dependencies>\r\n"
                + MILLRACE.replace("\n", "\r\n") + "  </dependencies>\r\n</project>\r\n");
        PomRewriter.Result unchanged = rewriter.rewrite(plain);
        assertThat(unchanged.text()).isEqualTo(plain);
        assertThat(unchanged.removedArtifacts()).isEmpty();
    }
}
