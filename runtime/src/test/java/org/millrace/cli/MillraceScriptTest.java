package org.millrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.JobID;
import org.millrace.api.sink.file.FileSink;

/**
 * Runs the real {@code bin/millrace} as a process. lib/ exists only after {@code mvn package}, so
 * the script gets this test JVM's class path through {@code MILLRACE_CLASSPATH}.
 */
class MillraceScriptTest {

    @TempDir
    Path dir;

    private Path confDir;
    private Path logDir;

    record Result(int exitCode, String out, String err) {}

    @BeforeEach
    void setUp() throws IOException {
        confDir = Files.createDirectories(dir.resolve("conf"));
        logDir = dir.resolve("log");
        Files.copy(TestJars.repositoryRoot().resolve("conf/millrace.yaml"), confDir.resolve("millrace.yaml"));
    }

    private Result exec(Path script, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> environment = pb.environment();
        environment.keySet().removeIf(k -> k.startsWith("MILLRACE_") || k.startsWith("HADOOP_"));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("MILLRACE_CONF_DIR", confDir.toString());
        environment.put("MILLRACE_LOG_DIR", logDir.toString());
        environment.putAll(env);
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = pb.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("bin/millrace did not end within 2 minutes");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Result millrace(String... args) throws IOException, InterruptedException {
        return exec(TestJars.repositoryRoot().resolve("bin/millrace"),
                Map.of("MILLRACE_CLASSPATH", System.getProperty("java.class.path")), args);
    }

    private String clientLog() throws IOException {
        String suffix = "-client-" + hostName() + ".log";
        try (Stream<Path> files = Files.list(logDir)) {
            List<Path> logs = files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
            assertThat(logs).hasSize(1);
            return Files.readString(logs.get(0));
        }
    }

    private static String hostName() throws IOException {
        try {
            Process p = new ProcessBuilder("hostname").start();
            String name = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            return name;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Test
    void a_missing_jar_through_the_script_is_one_line_exit_code_2_and_a_log_entry() throws Exception {
        Path missing = dir.resolve("missing.jar");
        Result r = millrace("run", missing.toString());
        assertThat(r.err()).isEqualTo("Cannot read job jar '" + missing + "': no such file\n");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(clientLog()).contains("ERROR [main] o.m.c.MillraceCli - Cannot read job jar '" + missing + "'");
    }

    @Test
    void a_throwing_main_is_one_line_on_the_terminal_and_a_stack_trace_in_the_log() throws Exception {
        Path jar = TestJars.jar()
                .withTestingDeployer()
                .source("jobs.Thrower", "package jobs; public class Thrower { public static void main(String[] a) {"
                        + " throw new IllegalStateException(\"no input \" + a[0]); } }")
                .mainClass("jobs.Thrower")
                .build(dir.resolve("thrower.jar"));
        Result r = millrace("run", "-t", "testing", jar.toString(), "words.txt");
        assertThat(r.err()).isEqualTo("The job's main method threw: java.lang.IllegalStateException: no input words.txt\n");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(clientLog()).contains("java.lang.IllegalStateException: no input words.txt",
                "at millrace-user-code//jobs.Thrower.main(Thrower.java:1)");
    }

    /** Counts words and prints the running counts: word,count per line. */
    private static final String WORDS_JOB = """
            package jobs;
            import org.millrace.api.StreamExecutionEnvironment;
            import org.millrace.api.functions.FlatMapFunction;
            import org.millrace.api.tuple.Tuple2;
            import org.millrace.api.typeinfo.Types;
            import org.millrace.api.util.Collector;
            public class Words {
                public static void main(String[] args) throws Exception {
                    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
                    env.fromElements("to be or not to be", "that is the question", "to sleep perchance to dream")
                            .flatMap(new Split()).returns(Types.TUPLE(Types.STRING, Types.LONG))
                            .keyBy(pair -> pair.f0, Types.STRING)
                            .sum(1)
                            .map(pair -> pair.f0 + "," + pair.f1)
                            .print();
                    env.execute("Words");
                }
                public static final class Split implements FlatMapFunction<String, Tuple2<String, Long>> {
                    @Override
                    public void flatMap(String line, Collector<Tuple2<String, Long>> out) {
                        for (String word : line.split(" ")) {
                            out.collect(Tuple2.of(word, 1L));
                        }
                    }
                }
            }
            """;

    private static List<String> printedRecords(Result r) {
        return r.out().lines().filter(l -> !l.startsWith("Job ")).sorted().toList();
    }

    @Test
    void a_job_jar_run_with_target_process_prints_what_it_prints_with_target_local() throws Exception {
        Path jar = TestJars.jar().source("jobs.Words", WORDS_JOB).mainClass("jobs.Words").build(dir.resolve("words.jar"));

        Result local = millrace("run", "-t", "local", "-p", "2", jar.toString());
        // two TaskManager JVMs that load the job's classes from its jar, the print sink's lines on our stdout
        Result process = millrace("run", "-t", "process", "-p", "2", "-Dlocal.number-taskmanager=2", jar.toString());

        assertThat(local.exitCode()).as(local.err()).isZero();
        assertThat(process.exitCode()).as(process.err()).isZero();
        // "i> " names the printing subtask: the same keys go to the same subtasks in both
        assertThat(printedRecords(local)).hasSize(15).map(l -> l.replaceFirst("^\\d+> ", ""))
                .contains("to,4", "be,2", "dream,1");
        assertThat(printedRecords(process)).isEqualTo(printedRecords(local));
        assertThat(process.out()).contains("finished with status FINISHED");
    }

    @Test
    void savepoint_and_stop_through_the_script_reach_a_job_run_by_another_client() throws Exception {
        Path jar = TestJars.jar().source("jobs.Counting", ClusterCommandsTest.COUNTING_JOB).mainClass("jobs.Counting")
                .build(dir.resolve("counting.jar"));
        String output = dir.resolve("counts").toUri().toString();
        ProcessBuilder pb = new ProcessBuilder(TestJars.repositoryRoot().resolve("bin/millrace").toString(),
                "run", "-t", "process", "-p", "2", "-Dlocal.number-taskmanager=1",
                "-Dexecution.checkpointing.interval=100 ms", "-Dexecution.checkpointing.dir=" + dir.resolve("checkpoints").toUri(),
                jar.toString(), "1000000", "10", output, "2");
        pb.environment().keySet().removeIf(k -> k.startsWith("MILLRACE_") || k.startsWith("HADOOP_"));
        pb.environment().putAll(Map.of("JAVA_HOME", System.getProperty("java.home"), "MILLRACE_CONF_DIR", confDir.toString(),
                "MILLRACE_LOG_DIR", logDir.toString(), "MILLRACE_CLASSPATH", System.getProperty("java.class.path")));
        Path runOut = dir.resolve("run-stdout");
        Process run = pb.redirectOutput(runOut.toFile()).redirectError(dir.resolve("run-stderr").toFile()).start();
        try {
            Pattern submitted = Pattern.compile("JobID ([0-9a-f]{32}) to the JobManager at (\\S+)");
            Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> !run.isAlive()
                    || submitted.matcher(Files.readString(runOut)).find() && Files.readString(runOut).contains("status: RUNNING"));
            Matcher m = submitted.matcher(Files.readString(runOut));
            assertThat(m.find()).as(Files.readString(runOut)).isTrue();
            // RUNNING is the job's status; savepoints need every task running: a committed file says they are
            Awaitility.await().atMost(Duration.ofMinutes(1))
                    .until(() -> !FileSink.listCommittedFiles(new org.millrace.api.fs.Path(output)).isEmpty());

            Result savepoint = millrace("savepoint", "-m", m.group(2), m.group(1), dir.resolve("savepoints").toUri().toString());
            assertThat(savepoint.exitCode()).as(savepoint.err()).isZero();
            assertThat(savepoint.out()).containsPattern("Savepoint completed\\. Path: file:\\S+/savepoints/savepoint-");
            Result stop = millrace("stop", "-m", m.group(2), "-p", dir.resolve("savepoints").toUri().toString(), m.group(1));
            assertThat(stop.exitCode()).as(stop.err()).isZero();
            assertThat(stop.out()).containsPattern("Savepoint completed\\. Path: file:\\S+/savepoints/savepoint-");

            assertThat(run.waitFor(1, TimeUnit.MINUTES)).isTrue();
            assertThat(run.exitValue()).isZero();
            assertThat(Files.readString(runOut)).contains("Job " + m.group(1) + " finished with status FINISHED");
        } finally {
            run.destroyForcibly();
        }
    }

    @Test
    void a_savepoint_of_a_jobmanager_that_is_not_there_is_one_line_exit_code_1_and_a_log_entry() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String id = JobID.generate().toString();
        Result r = millrace("savepoint", "-m", "127.0.0.1:" + port, id);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("Could not take a savepoint of job " + id + ": Cannot reach Dispatcher at 127.0.0.1:"
                + port + "/dispatcher: ");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(clientLog()).contains("RpcConnectionException");
    }

    @Test
    void millrace_opts_come_after_the_scripts_own_settings() throws Exception {
        Path elsewhere = dir.resolve("elsewhere");
        Result r = exec(TestJars.repositoryRoot().resolve("bin/millrace"), Map.of(
                "MILLRACE_CLASSPATH", System.getProperty("java.class.path"),
                "MILLRACE_OPTS", "-Xmx256m -Dmillrace.conf.dir=" + elsewhere), "run", "job.jar");
        assertThat(r.err()).isEqualTo("Configuration directory '" + elsewhere + "' does not exist (set MILLRACE_CONF_DIR"
                + " to the directory holding millrace.yaml)\n");
        assertThat(r.exitCode()).isEqualTo(2);
    }

    @Test
    void help_through_the_script_lists_the_commands_and_nothing_else() throws Exception {
        Result r = millrace("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: millrace ").contains("run", "yarn-session", "port");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void port_through_the_script_rewrites_what_it_can_and_lists_the_rest_on_stderr() throws Exception {
        Path src = Files.createDirectories(dir.resolve("job/src"));
        Files.writeString(src.resolve("Job.java"), "import org.apache.flink.api.java.tuple.Tuple2;\n"
                + "import org.apache.flink.table.api.TableEnvironment;\nclass Job {}\n");
        Path out = dir.resolve("ported");

        Result r = millrace("port", dir.resolve("job").toString(), out.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo(src.resolve("Job.java")
                + ":2: org.apache.flink.table.api.TableEnvironment has no Millrace equivalent\n");
        assertThat(Files.readString(out.resolve("src/Job.java"))).isEqualTo("import org.millrace.api.tuple.Tuple2;\n"
                + "import org.apache.flink.table.api.TableEnvironment;\nclass Job {}\n");
    }

    @Test
    void without_jars_in_lib_the_script_says_to_build_first_even_through_a_link() throws Exception {
        Path home = dir.toRealPath().resolve("home"); // the script reports the physical path
        Path bin = Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib"));
        Files.copy(TestJars.repositoryRoot().resolve("bin/millrace"), bin.resolve("millrace"));
        bin.resolve("millrace").toFile().setExecutable(true);
        Path links = Files.createDirectories(dir.resolve("links"));
        Path link = Files.createSymbolicLink(links.resolve("millrace"), Path.of("../home/bin/millrace"));

        Result r = exec(link, Map.of(), "run", "job.jar");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo(
                "millrace: no jars in " + home + "/lib; build first: mvn -q -B package -DskipTests\n");
    }
}
