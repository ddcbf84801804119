package org.millrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.JobID;
import org.millrace.api.sink.file.FileSink;
import org.millrace.checkpoint.FileSystemCheckpointStorage;
import org.millrace.client.ExecutionContext;

/**
 * {@code list}, {@code savepoint}, {@code stop}, {@code cancel} and {@code run -s} in-process against
 * real clusters: a {@code run -t process} on a background thread keeps a throttled counting job (keyed
 * running counts, exactly-once FileSink) running on a JobManager reachable over Netty RPC, and the
 * commands reach it with {@code -m} at the address the run printed. The restored job's committed
 * output is compared line by line with a plain-Java reference. Also the failure cases: unreachable
 * address, unknown or malformed job id, missing savepoint.
 */
class ClusterCommandsTest {

    private static final Pattern SUBMITTED =
            Pattern.compile("Job counting submitted with JobID ([0-9a-f]{32}) to the JobManager at (127\\.0\\.0\\.1:\\d+)");
    private static final Pattern SAVEPOINT_PATH = Pattern.compile("Savepoint completed\\. Path: (\\S+)");

    private static final long EVENTS = 200_000;
    private static final int KEYS = 100;

    /** Also run through bin/millrace by MillraceScriptTest. */
    static final String COUNTING_JOB = """
            package jobs;
            import org.millrace.api.StreamExecutionEnvironment;
            import org.millrace.api.fs.Path;
            import org.millrace.api.functions.KeySelector;
            import org.millrace.api.functions.KeyedProcessFunction;
            import org.millrace.api.functions.OpenContext;
            import org.millrace.api.functions.RichMapFunction;
            import org.millrace.api.sink.file.FileSink;
            import org.millrace.api.sink.file.SimpleStringEncoder;
            import org.millrace.api.state.ValueState;
            import org.millrace.api.state.ValueStateDescriptor;
            import org.millrace.api.typeinfo.Types;
            import org.millrace.api.util.Collector;
            /** Args: events keys output throttle (sleep 1 ms every 'throttle' records per subtask; 0: never). */
            public class Counting {
                public static void main(String[] args) throws Exception {
                    long events = Long.parseLong(args[0]);
                    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
                    env.setMaxParallelism(128);
                    env.fromSequence(0, events - 1).uid("events")
                            .map(new Throttle(Integer.parseInt(args[3]))).uid("throttle")
                            .keyBy(new KeyOf(Integer.parseInt(args[1])), Types.LONG)
                            .process(new RunningCount()).uid("count")
                            .sinkTo(FileSink.forRowFormat(new Path(args[2]), new SimpleStringEncoder<String>()).build()).uid("sink");
                    env.execute("counting");
                }
                public static class KeyOf implements KeySelector<Long, Long> {
                    private final int keys;
                    KeyOf(int keys) { this.keys = keys; }
                    @Override public Long getKey(Long e) { return e % keys; }
                }
                public static class Throttle extends RichMapFunction<Long, Long> {
                    private final int every;
                    private transient long seen;
                    Throttle(int every) { this.every = every; }
                    @Override public Long map(Long value) throws InterruptedException {
                        if (every > 0 && ++seen % every == 0) {
                            Thread.sleep(1); // the workload: keeps the job running while the CLI acts on it, not a wait
                        }
                        return value;
                    }
                }
                public static class RunningCount extends KeyedProcessFunction<Long, Long, String> {
                    private transient ValueState<Long> count;
                    @Override public void open(OpenContext openContext) {
                        count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
                    }
                    @Override public void processElement(Long event, Context ctx, Collector<String> out) throws Exception {
                        Long current = count.value();
                        long next = current == null ? 1 : current + 1;
                        count.update(next);
                        out.collect(ctx.getCurrentKey() + "," + next);
                    }
                }
            }
            """;

    @TempDir
    Path dir;

    private Path confDir;
    private Path jar;
    private String output;
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    record Result(int exitCode, String out, String err) {}

    /** A {@code run} going on in the background: its output so far, and its result once it ends. */
    record BackgroundRun(ByteArrayOutputStream out, ByteArrayOutputStream err, Future<Integer> exitCode) {
        String outSoFar() {
            return out.toString(StandardCharsets.UTF_8);
        }

        Result await() throws Exception {
            int code = exitCode.get(2, TimeUnit.MINUTES);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        confDir = Files.createDirectories(dir.resolve("conf"));
        Files.copy(TestJars.repositoryRoot().resolve("conf/millrace.yaml"), confDir.resolve("millrace.yaml"));
        jar = TestJars.jar().source("jobs.Counting", COUNTING_JOB).mainClass("jobs.Counting").build(dir.resolve("counting.jar"));
        output = dir.resolve("counts").toUri().toString();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        background.shutdownNow();
        assertThat(background.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        assertThat(ExecutionContext.current()).isNull();
    }

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = execute(out, err, args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private int execute(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            return new MillraceCli(o, e, () -> confDir).execute(args);
        }
    }

    /** Starts the throttled counting job with {@code -t process} at parallelism 2 on one TaskManager process. */
    private BackgroundRun startThrottledCountingJob() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Future<Integer> exitCode = background.submit(() -> execute(out, err, "run", "-t", "process", "-p", "2",
                "-Dlocal.number-taskmanager=1",
                "-Dstate.backend.type=hashmap",
                "-Dexecution.checkpointing.interval=100 ms",
                "-Dexecution.checkpointing.dir=" + dir.resolve("checkpoints").toUri(),
                jar.toString(), Long.toString(EVENTS), Integer.toString(KEYS), output, "5"));
        return new BackgroundRun(out, err, exitCode);
    }

    /** The job id and JobManager address the run printed, once its job runs. */
    private static Matcher awaitRunning(BackgroundRun run) {
        Awaitility.await().atMost(Duration.ofMinutes(1))
                .until(() -> run.exitCode().isDone() || SUBMITTED.matcher(run.outSoFar()).find()
                        && run.outSoFar().contains(" status: RUNNING"));
        Matcher submitted = SUBMITTED.matcher(run.outSoFar());
        assertThat(submitted.find()).as("run printed the job id and address:\n%s%s", run.outSoFar(), run.err()).isTrue();
        return submitted;
    }

    @Test
    void savepoint_and_stop_through_the_cli_then_run_s_restores_at_another_parallelism_exactly_once() throws Exception {
        BackgroundRun first = startThrottledCountingJob();
        Matcher submitted = awaitRunning(first);
        String jobId = submitted.group(1);
        String address = submitted.group(2);
        // let it commit some output first, so the savepoints hold state and sink progress
        Awaitility.await().atMost(Duration.ofMinutes(1))
                .until(() -> !FileSink.listCommittedFiles(new org.millrace.api.fs.Path(output)).isEmpty());

        Result list = run("list", "-m", address);
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out().lines()).anyMatch(l -> l.matches(
                "\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d:\\d\\d : " + jobId + " : counting \\(RUNNING\\)"));

        Result savepoint = run("savepoint", "-m", address, jobId, dir.resolve("savepoints").toUri().toString());
        assertThat(savepoint.exitCode()).as(savepoint.err()).isZero();
        assertThat(savepoint.err()).isEmpty();
        String taken = savepointPath(savepoint);
        assertThat(metadataOf(taken)).isRegularFile().startsWith(dir.resolve("savepoints"));
        assertThat(first.exitCode().isDone()).as("the job keeps running after a savepoint").isFalse();

        Result stop = run("stop", "-m", address, "--savepointPath", dir.resolve("final").toUri().toString(), jobId);
        assertThat(stop.exitCode()).as(stop.err()).isZero();
        assertThat(stop.out()).startsWith("Suspending job " + jobId + " with a savepoint.\n");
        String finalSavepoint = savepointPath(stop);
        assertThat(metadataOf(finalSavepoint)).isRegularFile();

        Result stopped = first.await();
        // as in Flink, a job stopped with a savepoint ends FINISHED
        assertThat(stopped.exitCode()).as(stopped.err()).isZero();
        assertThat(stopped.out()).contains("Job " + jobId + " finished with status FINISHED");
        long linesBefore = committedLines().values().stream().mapToLong(Integer::longValue).sum();
        assertThat(linesBefore).as("output committed before the stop").isBetween(1L, EVENTS - 1);

        Result restored = run("run", "-t", "local", "-p", "3", "-s", finalSavepoint,
                "-Dstate.backend.type=rocksdb",
                // a checkpoint that hangs fails the run in 30 s instead of the default 10 min
                "-Dexecution.checkpointing.timeout=30 s",
                "-Dexecution.checkpointing.interval=100 ms",
                "-Dexecution.checkpointing.dir=" + dir.resolve("checkpoints").toUri(),
                jar.toString(), Long.toString(EVENTS), Integer.toString(KEYS), output, "0");
        assertThat(restored.exitCode()).as(restored.err()).isZero();

        Map<String, Integer> expected = new HashMap<>();
        for (long k = 0; k < KEYS; k++) {
            for (long c = 1; c <= EVENTS / KEYS; c++) {
                expected.put(k + "," + c, 1);
            }
        }
        assertThat(committedLines()).isEqualTo(expected);
    }

    @Test
    void cancel_ends_a_running_job_and_unknown_job_ids_or_a_missing_directory_are_named() throws Exception {
        BackgroundRun run = startThrottledCountingJob();
        Matcher submitted = awaitRunning(run);
        String jobId = submitted.group(1);
        String address = submitted.group(2);

        Awaitility.await().atMost(Duration.ofMinutes(1))
                .until(() -> !FileSink.listCommittedFiles(new org.millrace.api.fs.Path(output)).isEmpty());
        Result noDirectory = run("savepoint", "-m", address, jobId);
        assertThat(noDirectory.exitCode()).isEqualTo(1);
        assertThat(noDirectory.err()).isEqualTo("Could not take a savepoint of job " + jobId
                + ": No savepoint directory: give one, or set execution.checkpointing.savepoint-dir\n");

        String unknown = JobID.generate().toString();
        Result savepoint = run("savepoint", "-m", address, unknown, dir.resolve("savepoints").toUri().toString());
        assertThat(savepoint.exitCode()).isEqualTo(1);
        assertThat(savepoint.err()).isEqualTo("Could not take a savepoint of job " + unknown
                + ": No job with id " + unknown + " is known to this cluster\n");
        Result stop = run("stop", "-m", address, unknown);
        assertThat(stop.exitCode()).isEqualTo(1);
        assertThat(stop.err()).isEqualTo("Could not stop job " + unknown
                + " with a savepoint: No job with id " + unknown + " is known to this cluster\n");
        Result cancelUnknown = run("cancel", "-m", address, unknown);
        assertThat(cancelUnknown.exitCode()).isEqualTo(1);
        assertThat(cancelUnknown.err()).isEqualTo("Could not cancel job " + unknown
                + ": No job with id " + unknown + " is known to this cluster\n");

        Result cancel = run("cancel", "-m", address, jobId);
        assertThat(cancel.exitCode()).as(cancel.err()).isZero();
        assertThat(cancel.out()).isEqualTo("Cancelling job " + jobId + ".\nCancelled job " + jobId + ".\n");
        // (the run ends once its job has, and closes the cluster: nothing to list afterwards)
        Result ended = run.await();
        assertThat(ended.exitCode()).isEqualTo(1);
        assertThat(ended.out()).contains("Job " + jobId + " finished with status CANCELED");
    }

    @Test
    void help_shows_flinks_option_names() {
        Result stop = run("stop", "--help");
        assertThat(stop.exitCode()).isZero();
        assertThat(stop.out()).contains("-p, --savepointPath=DIR", "-m, --jobmanager=HOST:PORT", "JOBID");
        Result savepoint = run("savepoint", "--help");
        assertThat(savepoint.out()).contains("JOBID", "[TARGET_DIR]", "-m, --jobmanager=HOST:PORT");
        Result list = run("list", "--help");
        assertThat(list.out()).contains("-a, --all", "-m, --jobmanager=HOST:PORT");
        assertThat(run("run", "--help").out()).contains("-s, --fromSavepoint=SAVEPOINT");
    }

    @Test
    void an_unreachable_jobmanager_is_named_with_exit_code_1() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String address = "127.0.0.1:" + port;
        for (String[] args : List.of(new String[] {"list", "-m", address},
                new String[] {"savepoint", "-m", address, JobID.generate().toString()},
                new String[] {"stop", "-m", address, JobID.generate().toString()},
                new String[] {"cancel", "-m", address, JobID.generate().toString()})) {
            Result r = run(args);
            assertThat(r.exitCode()).as(args[0]).isEqualTo(1);
            assertThat(r.err()).as(args[0]).startsWith("Could not ")
                    .contains(": Cannot reach Dispatcher at " + address + "/dispatcher: ").endsWith("\n");
            assertThat(r.err().lines()).hasSize(1);
        }
    }

    @Test
    void without_m_the_configured_address_is_used() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Result r = run("list", "-Djobmanager.rpc.address=127.0.0.1", "-Djobmanager.rpc.port=" + port);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("Could not list the jobs: Cannot reach Dispatcher at 127.0.0.1:" + port + "/dispatcher: ");
    }

    @Test
    void a_malformed_job_id_or_address_is_a_usage_error() {
        Result badId = run("savepoint", "-m", "127.0.0.1:6123", "abc");
        assertThat(badId.exitCode()).isEqualTo(2);
        assertThat(badId.err()).startsWith("Invalid value for positional parameter at index 0 (JOBID): "
                + "A job id has 32 hex digits, got 'abc'\n");

        Result badAddress = run("cancel", "-m", "localhost", JobID.generate().toString());
        assertThat(badAddress.exitCode()).isEqualTo(2);
        assertThat(badAddress.err()).isEqualTo("Invalid JobManager address 'localhost': expected HOST:PORT, e.g. 127.0.0.1:6123\n");

        Result noId = run("stop", "-m", "127.0.0.1:6123");
        assertThat(noId.exitCode()).isEqualTo(2);
        assertThat(noId.err()).startsWith("Missing required parameter: 'JOBID'");
    }

    @Test
    void run_s_with_a_missing_savepoint_fails_the_job_naming_the_path() {
        String missing = dir.resolve("no-such-savepoint").toUri().toString();
        Result r = run("run", "-t", "local", "-p", "1", "-s", missing,
                jar.toString(), "10", "2", output, "0");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).matches("Job ([0-9a-f]{32}) failed: Job 'counting' \\(\\1\\) failed: Cannot restore job counting from "
                + Pattern.quote(missing) + ": No checkpoint or savepoint at " + Pattern.quote(missing) + "\n");
        assertThat(r.err().lines()).hasSize(1);
    }

    private static String savepointPath(Result r) {
        Matcher m = SAVEPOINT_PATH.matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        return m.group(1);
    }

    private static Path metadataOf(String savepoint) {
        return Path.of(java.net.URI.create(savepoint)).resolve(FileSystemCheckpointStorage.METADATA_FILE);
    }

    /** Each committed line of the output and how often it occurs. */
    private Map<String, Integer> committedLines() throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        for (org.millrace.api.fs.Path file : FileSink.listCommittedFiles(new org.millrace.api.fs.Path(output))) {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(file.getFileSystem().open(file), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.merge(line, 1, Integer::sum);
                }
            }
        }
        return lines;
    }
}
