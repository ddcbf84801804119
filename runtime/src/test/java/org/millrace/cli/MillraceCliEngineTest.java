package org.millrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code millrace run} against the real engine on the embedded local cluster: a job that finishes
 * and a job whose map function throws.
 */
class MillraceCliEngineTest {

    @TempDir
    Path dir;

    private Path confDir;

    record Result(int exitCode, String out, String err) {}

    @BeforeEach
    void setUp() throws IOException {
        confDir = Files.createDirectories(dir.resolve("conf"));
        Files.copy(TestJars.repositoryRoot().resolve("conf/millrace.yaml"), confDir.resolve("millrace.yaml"));
        ProgramProbe.reset();
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

    private Path job(String mapBody) throws IOException {
        String source = """
                package jobs;
                import org.millrace.api.StreamExecutionEnvironment;
                import org.millrace.api.functions.MapFunction;
                import org.millrace.api.sink.Sink;
                import org.millrace.api.sink.SinkWriter;
                import org.millrace.api.sink.WriterInitContext;
                public class SequenceJob {
                    public static void main(String[] args) throws Exception {
                        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
                        env.fromSequence(1, 10)
                                .map(new MapFunction<Long, Long>() {
                                    @Override
                                    public Long map(Long x) {
                                        %s
                                    }
                                })
                                .sinkTo(new ProbeSink());
                        env.execute(args[0]);
                    }
                    /** Hands each record to the test through ProgramProbe (same JVM with -t local). */
                    public static class ProbeSink implements Sink<Long> {
                        @Override
                        public SinkWriter<Long> createWriter(WriterInitContext context) {
                            return new SinkWriter<Long>() {
                                @Override
                                public void write(Long element, Context context) {
                                    org.millrace.cli.ProgramProbe.collected.add(element);
                                }
                                @Override
                                public void flush(boolean endOfInput) {}
                                @Override
                                public void close() {}
                            };
                        }
                    }
                }
                """.formatted(mapBody);
        return TestJars.jar().source("jobs.SequenceJob", source).mainClass("jobs.SequenceJob").build(dir.resolve("job.jar"));
    }

    @Test
    void a_job_that_finishes_prints_its_progress_and_exits_0() throws IOException {
        Result r = run("run", "-t", "local", "-p", "1", job("return x * 2;").toString(), "doubling");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).matches("Job doubling submitted with JobID [0-9a-f]{32}");
        String id = lines.get(0).substring(lines.get(0).length() - 32);
        assertThat(lines).contains("Job " + id + " status: RUNNING");
        assertThat(lines.get(lines.size() - 1)).matches("Job " + id + " finished with status FINISHED \\(\\d+\\.\\d\\d s\\)");
        assertThat(ProgramProbe.collected).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, 10).map(x -> x * 2).boxed().toList());
    }

    @Test
    void a_job_whose_function_throws_names_operator_subtask_and_exception_and_exits_1() throws IOException {
        Result r = run("run", "-t", "local", "-p", "1",
                job("if (x == 7) { throw new IllegalStateException(\"boom at \" + x); } return x;").toString(), "failing");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).matches("Job [0-9a-f]{32} failed: Operator '[^']*Map[^']*' \\(subtask 1/1\\) failed:"
                + " java.lang.IllegalStateException: boom at 7\n");
        assertThat(r.out()).containsPattern("finished with status FAILED \\(\\d+\\.\\d\\d s\\)");
    }
}
