package org.millrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.cli.port.ApiTypeTable;

/**
 * {@code millrace port} in-process, with the API type table built into the runtime: trees copied
 * or edited in place, the exact report lines, exit codes, and bytes that must not change.
 */
class PortCommandTest {

    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {}

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new MillraceCli(o, e, () -> dir.resolve("conf")).execute(args);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static final String FLINK_JOB = "package com.example;\r\n"
            + "\r\n"
            + "import java.util.List;\r\n"
            + "import org.apache.flink.api.common.functions.MapFunction;\r\n"
            + "import org.apache.flink.api.java.tuple.Tuple2;\r\n"
            + "import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;\r\n"
            + "import static org.apache.flink.api.common.typeinfo.Types.LONG;\r\n"
            + "\r\n"
            + "/* import org.apache.flink.api.java.tuple.Tuple3; stays: a comment */\r\n"
            + "public class WordCount {  // trailing spaces and tabs\t\r\n"
            + "    // Größe\r\n"
            + "}\r\n";

    private static final String PORTED_JOB = "package com.example;\r\n"
            + "\r\n"
            + "import java.util.List;\r\n"
            + "import org.millrace.api.functions.MapFunction;\r\n"
            + "import org.millrace.api.tuple.Tuple2;\r\n"
            + "import org.millrace.api.StreamExecutionEnvironment;\r\n"
            + "import static org.millrace.api.typeinfo.Types.LONG;\r\n"
            + "\r\n"
            + "/* import org.apache.flink.api.java.tuple.Tuple3; stays: a comment */\r\n"
            + "public class WordCount {  // trailing spaces and tabs\t\r\n"
            + "    // Größe\r\n"
            + "}\r\n";

    private static final String TABLE_JOB = "package com.example;\n"
            + "import org.apache.flink.table.api.TableEnvironment;\n"
            + "import org.apache.flink.api.java.tuple.Tuple2;\n"
            + "class Tables {}\n";

    @Test
    void a_tree_is_copied_with_its_imports_rewritten_and_every_other_byte_kept() throws IOException {
        Path src = dir.resolve("job");
        write(src.resolve("src/main/java/com/example/WordCount.java"), FLINK_JOB.getBytes(StandardCharsets.UTF_8));
        byte[] binary = {0, (byte) 0xff, 13, 10, 'i', 'm', 'p'};
        write(src.resolve("src/main/resources/data.bin"), binary);
        write(src.resolve("README.md"), "import org.apache.flink.api.java.tuple.Tuple2;\n".getBytes(StandardCharsets.UTF_8));
        Path out = dir.resolve("ported");

        Result r = run("port", src.toString(), out.toString());

        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("Ported " + src + " to " + out + ": 4 imports rewritten in 1 Java file,"
                + " 2 other files copied; nothing left to port\n");
        assertThat(r.exitCode()).isEqualTo(0);
        Map<String, byte[]> expected = new TreeMap<>(Map.of(
                "src/main/java/com/example/WordCount.java", PORTED_JOB.getBytes(StandardCharsets.UTF_8),
                "src/main/resources/data.bin", binary,
                "README.md", "import org.apache.flink.api.java.tuple.Tuple2;\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(files(out)).containsOnlyKeys(expected.keySet());
        expected.forEach((file, bytes) -> assertThat(files(out).get(file)).as(file).isEqualTo(bytes));
        assertThat(Files.readString(src.resolve("src/main/java/com/example/WordCount.java"))).isEqualTo(FLINK_JOB);
    }

    @Test
    void unmappable_imports_are_listed_as_file_and_line_and_fail_the_port() throws IOException {
        Path src = dir.resolve("job");
        write(src.resolve("com/example/Tables.java"), TABLE_JOB.getBytes(StandardCharsets.UTF_8));
        Path out = dir.resolve("ported");

        Result r = run("port", src.toString(), out.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo(src.resolve("com/example/Tables.java")
                + ":2: org.apache.flink.table.api.TableEnvironment has no Millrace equivalent\n");
        assertThat(r.out()).endsWith("; 1 Flink reference left without a Millrace equivalent\n");
        // the rest is ported all the same
        assertThat(Files.readString(out.resolve("com/example/Tables.java")))
                .isEqualTo(TABLE_JOB.replace("org.apache.flink.api.java.tuple.Tuple2", "org.millrace.api.tuple.Tuple2"));
    }

    @Test
    void a_tree_without_java_files_is_copied_and_succeeds() throws IOException {
        Path src = dir.resolve("docs");
        write(src.resolve("a/b/notes.txt"), "import org.apache.flink.X;\r\n".getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(src.resolve("empty"));
        Path out = Files.createDirectories(dir.resolve("ported"));

        Result r = run("port", src.toString(), out.toString());

        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("Ported " + src + " to " + out + ": 0 imports rewritten in 0 Java files,"
                + " 1 other file copied; nothing left to port\n");
        assertThat(Files.readAllBytes(out.resolve("a/b/notes.txt"))).isEqualTo(Files.readAllBytes(src.resolve("a/b/notes.txt")));
        assertThat(out.resolve("empty")).isEmptyDirectory();
    }

    @Test
    void in_place_edits_only_the_files_with_flink_imports_and_the_pom() throws IOException {
        Path src = dir.resolve("job");
        write(src.resolve("src/WordCount.java"), FLINK_JOB.getBytes(StandardCharsets.UTF_8));
        write(src.resolve("src/Plain.java"), "class Plain {}\n".getBytes(StandardCharsets.UTF_8));
        write(src.resolve("pom.xml"), ("<project>\n  <dependencies>\n    <dependency>\n"
                + "      <groupId>org.apache.flink</groupId>\n      <artifactId>flink-streaming-java</artifactId>\n"
                + "    </dependency>\n  </dependencies>\n</project>\n").getBytes(StandardCharsets.UTF_8));
        String version = ApiTypeTable.load().version();

        Result r = run("port", "--in-place", src.toString());

        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.out()).isEqualTo("Note: " + src.resolve("pom.xml") + ": replaced the org.apache.flink dependencies"
                + " flink-streaming-java by org.millrace:millrace-runtime:" + version + " (scope provided);"
                + " Flink properties and plugins are left as they are\n"
                + "Ported " + src + " in place: 4 imports rewritten in 2 Java files, 1 other file kept;"
                + " nothing left to port\n");
        assertThat(files(src)).containsOnlyKeys("pom.xml", "src/Plain.java", "src/WordCount.java");
        assertThat(Files.readString(src.resolve("src/WordCount.java"))).isEqualTo(PORTED_JOB);
        assertThat(Files.readString(src.resolve("src/Plain.java"))).isEqualTo("class Plain {}\n");
        assertThat(Files.readString(src.resolve("pom.xml"))).isEqualTo("<project>\n  <dependencies>\n    <dependency>\n"
                + "      <groupId>org.millrace</groupId>\n      <artifactId>millrace-runtime</artifactId>\n"
                + "      <version>" + version + "</version>\n      <scope>provided</scope>\n"
                + "    </dependency>\n  </dependencies>\n</project>\n");
    }

    @Test
    void bad_directories_are_usage_errors_and_change_nothing() throws IOException {
        Path src = dir.resolve("job");
        write(src.resolve("A.java"), TABLE_JOB.getBytes(StandardCharsets.UTF_8));
        Path full = dir.resolve("full");
        write(full.resolve("keep.txt"), new byte[] {1});

        List<Result> results = List.of(
                run("port", dir.resolve("missing").toString(), dir.resolve("out").toString()),
                run("port", src.toString(), full.toString()),
                run("port", src.toString(), src.resolve("inside").toString()),
                run("port", src.toString()),
                run("port", "--in-place", src.toString(), dir.resolve("out").toString()));

        assertThat(results).extracting(Result::exitCode).containsOnly(2);
        assertThat(results).extracting(Result::err).containsExactly(
                "millrace port: " + dir.resolve("missing") + " is not a directory\n",
                "millrace port: " + full + " exists and is not an empty directory\n",
                "millrace port: OUT_DIR " + src.resolve("inside") + " is inside SRC_DIR\n",
                "millrace port: OUT_DIR is missing (or use --in-place)\n",
                "millrace port: --in-place takes SRC_DIR only, not OUT_DIR\n");
        assertThat(files(src)).containsOnlyKeys("A.java");
        assertThat(Files.readString(src.resolve("A.java"))).isEqualTo(TABLE_JOB);
        assertThat(files(full)).containsOnlyKeys("keep.txt");
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    /** Every regular file under {@code root} by its relative path with '/'. */
    private static Map<String, byte[]> files(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            Map<String, byte[]> files = new TreeMap<>();
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
            return files;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
