package org.millrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.JobID;
import org.millrace.client.ExecutionContext;

/**
 * The CLI in-process: each failure gives one line and its exit code; job jars are built by the
 * test. The job programs here play the engine's part of the launcher contract by calling the
 * {@link ExecutionContext}'s listeners themselves (the engine's own runs are in MillraceCliEngineTest).
 */
class MillraceCliTest {

    @TempDir
    Path dir;

    private Path confDir;

    record Result(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        confDir = Files.createDirectories(dir.resolve("conf"));
        Files.copy(TestJars.repositoryRoot().resolve("conf/millrace.yaml"), confDir.resolve("millrace.yaml"));
        ProgramProbe.reset();
    }

    @AfterEach
    void noContextLeftBehind() {
        assertThat(ExecutionContext.current()).isNull();
    }

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new MillraceCli(o, e, () -> confDir).execute(args);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String mainClass(String simpleName, String body) {
        return "package jobs;\npublic class " + simpleName + " {\n"
                + "  public static void main(String[] args) throws Exception {\n" + body + "\n  }\n}\n";
    }

    private Path jar(String name, String simpleName, String mainBody) throws IOException {
        return TestJars.jar()
                .withTestingDeployer()
                .source("jobs." + simpleName, mainClass(simpleName, mainBody))
                .mainClass("jobs." + simpleName)
                .build(dir.resolve(name));
    }

    // ------------------------------------------------------------------ the jar and its entry class

    @Test
    void a_missing_jar_is_one_line_and_exit_code_2() {
        Path missing = dir.resolve("nowhere/job.jar");
        Result r = run("run", missing.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("Cannot read job jar '" + missing + "': no such file\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void a_file_that_is_not_a_jar_is_one_line_and_exit_code_2() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.jar"), "this is not a zip file");
        Result r = run("run", text.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Cannot read job jar '" + text + "': not a jar file (").endsWith(")\n");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void a_directory_is_not_a_jar() throws IOException {
        Path d = Files.createDirectories(dir.resolve("classes.jar"));
        Result r = run("run", d.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("Cannot read job jar '" + d + "': it is a directory\n");
    }

    @Test
    void a_jar_without_main_class_and_without_c_names_both_ways() throws IOException {
        Path jar = TestJars.jar().source("jobs.Job", mainClass("Job", "")).build(dir.resolve("job.jar"));
        Result r = run("run", jar.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("No entry class: use -c CLASS or set Main-Class in the jar manifest\n");
    }

    @Test
    void an_entry_class_not_in_the_jar_names_class_and_jar() throws IOException {
        Path jar = jar("job.jar", "Job", "");
        Result r = run("run", "-c", "jobs.Absent", jar.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("Entry class 'jobs.Absent' not found in job jar '" + jar + "'\n");

        Path manifestOnly = TestJars.jar().mainClass("jobs.Gone").build(dir.resolve("gone.jar"));
        Result r2 = run("run", manifestOnly.toString());
        assertThat(r2.exitCode()).isEqualTo(2);
        assertThat(r2.err()).isEqualTo("Entry class 'jobs.Gone' not found in job jar '" + manifestOnly + "'\n");
    }

    @Test
    void an_entry_class_without_a_static_main_is_one_line() throws IOException {
        Path jar = TestJars.jar()
                .source("jobs.NoMain", "package jobs; public class NoMain { public static void start(String[] a) {} }")
                .source("jobs.InstanceMain", "package jobs; public class InstanceMain { public void main(String[] a) {} }")
                .build(dir.resolve("job.jar"));
        for (String entry : List.of("jobs.NoMain", "jobs.InstanceMain")) {
            Result r = run("run", "-c", entry, jar.toString());
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("Entry class '" + entry + "' has no public static void main(String[]) method\n");
        }
    }

    // ------------------------------------------------------------------ configuration and command line

    @Test
    void options_configuration_and_arguments_reach_the_program() throws IOException {
        Files.writeString(confDir.resolve("millrace.yaml"), "rest.port: 9090\nparallelism.default: 2\n");
        Path jar = jar("probe.jar", "Probe", "org.millrace.cli.ProgramProbe.record(args, Probe.class);");
        Result r = run("run", "-t", "testing", "-p", "4", "-d", "-s", "file:///sp/1", "-Dheartbeat.timeout=2 min",
                jar.toString(), "--input", "x", "-p", "3");

        assertThat(ProgramProbe.args).containsExactly("--input", "x", "-p", "3");
        assertThat(ProgramProbe.context.getConfiguration().toMap())
                .containsEntry("execution.target", "testing")
                .containsEntry("parallelism.default", "4")
                .containsEntry("execution.attached", "false")
                .containsEntry("execution.savepoint.path", "file:///sp/1")
                .containsEntry("heartbeat.timeout", "2 min")
                .containsEntry("rest.port", "9090");
        assertThat(ProgramProbe.context.getUserJars()).containsExactly(jar.toUri());
        assertThat(ProgramProbe.contextClassLoader).isSameAs(ProgramProbe.programClassLoader);
        assertThat(ProgramProbe.programClassLoader).isNotSameAs(getClass().getClassLoader());
        // the probe ran no job
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo(
                "No job was executed: the main method of jobs.Probe returned without calling execute()\n");
    }

    @Test
    void a_malformed_dynamic_property_is_one_line_and_exit_code_2() throws IOException {
        Path jar = jar("job.jar", "Job", "");
        Result r = run("run", "-Dparallelism.default=many", jar.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(
                "Invalid value 'many' for configuration key 'parallelism.default': expected an integer (from -D)\n");
    }

    @Test
    void a_parallelism_of_0_is_one_line_and_exit_code_2() throws IOException {
        Path jar = jar("job.jar", "Job", "");
        Result r = run("run", "-p", "0", jar.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("Invalid value '0' for configuration key 'parallelism.default': expected an integer"
                + " (must be at least 1) (from the run options)\n");
    }

    @Test
    void a_malformed_configuration_file_names_the_file() throws IOException {
        Files.writeString(confDir.resolve("millrace.yaml"), "taskmanager.memory.segment-size: 32 kilobytes\n");
        Result r = run("run", jar("job.jar", "Job", "").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("Invalid value '32 kilobytes' for configuration key 'taskmanager.memory.segment-size':"
                + " expected a memory size such as '64 mb', '32 kb' or '1 gb' (a plain number is bytes)"
                + " (unknown memory unit 'kilobytes') (in " + confDir.resolve("millrace.yaml") + ")\n");
    }

    @Test
    void an_unknown_target_fails_before_the_program_runs() throws IOException {
        Path jar = jar("probe.jar", "Probe", "org.millrace.cli.ProgramProbe.record(args, Probe.class);");
        Result r = run("run", "-t", "mars", jar.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Unknown execution target 'mars'; available: ").contains("testing");
        assertThat(ProgramProbe.args).isNull();
    }

    @Test
    void a_bad_option_value_or_a_missing_jar_argument_is_a_usage_error() {
        Result r = run("run", "-p", "four", "job.jar");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).containsExactly(
                "Invalid value for option '--parallelism': 'four' is not an int",
                "Try 'millrace run --help' for more information.");

        Result r2 = run("run");
        assertThat(r2.exitCode()).isEqualTo(2);
        assertThat(r2.err()).startsWith("Missing required parameter: 'JAR'");
    }

    @Test
    void help_lists_every_command_of_the_contract() {
        Result r = run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("run", "list", "cancel", "savepoint", "stop", "yarn-session", "sandbox", "port");

        Result run = run("run", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("-t", "-p", "-c", "-d", "-s", "-D", "JAR", "ARGS");
    }

    @Test
    void commands_still_to_come_say_so_with_exit_code_2() {
        for (String[] args : List.of(new String[] {"yarn-session"}, new String[] {"sandbox"})) {
            Result r = run(args);
            assertThat(r.exitCode()).as(args[0]).isEqualTo(2);
            assertThat(r.err()).isEqualTo("millrace " + args[0] + ": not available yet in this version\n");
        }
    }

    @Test
    void no_command_prints_the_usage_and_exit_code_2() {
        Result r = run();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Usage: millrace");
    }

    // ------------------------------------------------------------------ the program and its jobs

    @Test
    void a_main_method_that_throws_is_one_line_with_its_cause_and_exit_code_1() throws IOException {
        Path jar = jar("job.jar", "Thrower",
                "throw new IllegalArgumentException(\"missing --input\", new java.io.FileNotFoundException(\"/data/in\"));");
        Result r = run("run", "-t", "testing", jar.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("The job's main method threw: java.lang.IllegalArgumentException: missing --input"
                + " (caused by java.io.FileNotFoundException: /data/in)\n");
    }

    @Test
    void verbose_prints_the_stack_trace_too() throws IOException {
        Path jar = jar("job.jar", "Thrower", "throw new IllegalStateException(\"bad\");");
        Result r = run("run", "-v", "-t", "testing", jar.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("The job's main method threw: java.lang.IllegalStateException: bad\n"
                        + "java.lang.IllegalStateException: bad\n")
                .contains("jobs.Thrower.main(Thrower.java:");

        Result before = run("-v", "run", "-t", "testing", jar.toString());
        assertThat(before.err()).contains("jobs.Thrower.main(Thrower.java:");
    }

    /** Plays execute(): submission, CREATED, RUNNING, and the final status at the given time. */
    private static String reportJob(String name, String finalStatus, String cause) {
        return "org.millrace.api.JobID id = org.millrace.api.JobID.fromHexString(args[0]);\n"
                + "var ctx = org.millrace.client.ExecutionContext.current();\n"
                + "ctx.getSubmissionListener().onJobSubmitted(id, \"" + name + "\");\n"
                + "var l = ctx.getStatusListener();\n"
                + "l.onJobStatusChange(id, org.millrace.jobmaster.JobStatus.CREATED, 1_000, null);\n"
                + "l.onJobStatusChange(id, org.millrace.jobmaster.JobStatus.RUNNING, 1_010, null);\n"
                + "l.onJobStatusChange(id, org.millrace.jobmaster.JobStatus." + finalStatus + ", 2_240, " + cause + ");\n";
    }

    private static final String TASK_FAILURE = "new org.millrace.task.TaskFailureException(\"Map -> Filter\", 1, 4,"
            + " new IllegalStateException(\"boom at 7\"))";

    @Test
    void a_finished_job_prints_its_progress_and_exits_0() throws IOException {
        JobID id = JobID.generate();
        Path jar = jar("job.jar", "Finishing", reportJob("word count", "FINISHED", "null"));
        Result r = run("run", "-t", "testing", jar.toString(), id.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines()).containsExactly(
                "Job word count submitted with JobID " + id,
                "Job " + id + " status: CREATED",
                "Job " + id + " status: RUNNING",
                "Job " + id + " finished with status FINISHED (1.24 s)");
    }

    @Test
    void a_failed_job_names_operator_subtask_and_the_users_exception_and_exits_1() throws IOException {
        JobID id = JobID.generate();
        Path jar = jar("job.jar", "Failing", reportJob("failing", "FAILED", TASK_FAILURE)
                + "throw new org.millrace.api.JobExecutionException(id, \"Job failed\", " + TASK_FAILURE + ");");
        Result r = run("run", "-t", "testing", jar.toString(), id.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.outLines()).endsWith("Job " + id + " finished with status FAILED (1.24 s)");
        assertThat(r.err()).isEqualTo("Job " + id + " failed: Operator 'Map -> Filter' (subtask 2/4) failed:"
                + " java.lang.IllegalStateException: boom at 7\n");
    }

    @Test
    void a_job_failure_wrapped_by_the_program_is_still_found() throws IOException {
        JobID id = JobID.generate();
        Path jar = jar("job.jar", "Wrapping", reportJob("failing", "FAILED", TASK_FAILURE)
                + "throw new RuntimeException(\"pipeline broke\", new org.millrace.api.JobExecutionException(id, \"Job"
                + " failed\", " + TASK_FAILURE + "));");
        Result r = run("run", "-t", "testing", jar.toString(), id.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Job " + id + " failed: Operator 'Map -> Filter' (subtask 2/4) failed:"
                + " java.lang.IllegalStateException: boom at 7\n");
    }

    @Test
    void a_canceled_job_whose_failure_main_swallowed_still_exits_1() throws IOException {
        JobID id = JobID.generate();
        Path jar = jar("job.jar", "Swallowing", reportJob("canceled", "CANCELED", "null"));
        Result r = run("run", "-t", "testing", jar.toString(), id.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Job " + id + " ended with status CANCELED\n");
    }

    @Test
    void a_final_status_arriving_after_main_returned_is_waited_for() throws IOException {
        JobID id = JobID.generate();
        Path jar = jar("job.jar", "Late", """
                org.millrace.api.JobID id = org.millrace.api.JobID.fromHexString(args[0]);
                var ctx = org.millrace.client.ExecutionContext.current();
                ctx.getSubmissionListener().onJobSubmitted(id, "late");
                ctx.getStatusListener().onJobStatusChange(id, org.millrace.jobmaster.JobStatus.RUNNING, 5_000, null);
                Thread t = new Thread(() -> {
                    // report the end only once the CLI has taken the context back, i.e. main returned
                    while (org.millrace.client.ExecutionContext.current() == ctx) {
                        Thread.onSpinWait();
                    }
                    ctx.getStatusListener().onJobStatusChange(id, org.millrace.jobmaster.JobStatus.FINISHED, 5_500, null);
                });
                t.setDaemon(true);
                t.start();
                """);
        Result r = run("run", "-t", "testing", jar.toString(), id.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines()).endsWith("Job " + id + " finished with status FINISHED (0.50 s)");
    }

    @Test
    void a_job_that_never_reports_its_end_fails_after_the_rpc_timeout() throws IOException {
        JobID id = JobID.generate();
        Path jar = jar("job.jar", "Silent", """
                org.millrace.api.JobID id = org.millrace.api.JobID.fromHexString(args[0]);
                var ctx = org.millrace.client.ExecutionContext.current();
                ctx.getSubmissionListener().onJobSubmitted(id, "silent");
                ctx.getStatusListener().onJobStatusChange(id, org.millrace.jobmaster.JobStatus.RUNNING, 5_000, null);
                """);
        Result r = run("run", "-t", "testing", "-Drpc.timeout=200 ms", jar.toString(), id.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Job " + id + " did not report a final status; its main method returned anyway\n");
    }

    @Test
    void a_detached_run_succeeds_once_its_job_is_submitted() throws IOException {
        JobID id = JobID.generate();
        Path jar = jar("job.jar", "Detached", """
                org.millrace.api.JobID id = org.millrace.api.JobID.fromHexString(args[0]);
                org.millrace.client.ExecutionContext.current().getSubmissionListener().onJobSubmitted(id, "detached");
                """);
        Result r = run("run", "-d", "-t", "testing", jar.toString(), id.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines()).containsExactly("Job detached submitted with JobID " + id);
    }
}
