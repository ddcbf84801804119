package org.millrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped log4j2 files, each loaded into a logger context of its own: where lines end up. */
class LogConfigurationTest {

    @TempDir
    Path logDir;

    record Output(String file, String console) {}

    /** Loads {@code conf/<config>}, lets {@code logging} log, and returns the log file and what reached stderr. */
    private Output logWith(String config, String logFile, Consumer<LoggerContext> logging) throws IOException {
        PrintStream stderr = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        System.setProperty("millrace.log.dir", logDir.toString());
        System.setProperty("millrace.log.file", logFile);
        // the console appender takes System.err when the configuration starts
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        LoggerContext context = new LoggerContext(config, null, TestJars.repositoryRoot().resolve("conf").resolve(config).toUri());
        try {
            context.start();
            logging.accept(context);
        } finally {
            context.stop();
            System.setErr(stderr);
            System.clearProperty("millrace.log.dir");
            System.clearProperty("millrace.log.file");
        }
        return new Output(Files.readString(logDir.resolve(logFile)), console.toString(StandardCharsets.UTF_8));
    }

    @Test
    void cluster_processes_log_everything_to_the_file_and_nothing_to_the_console_by_default() throws IOException {
        Output o = logWith("log4j2.xml", "taskmanager.log", ctx -> {
            ctx.getLogger("org.millrace.task.Task").info("Map (1/4) switched to RUNNING");
            ctx.getLogger("org.millrace.task.Task").warn("Map (1/4) failed", new IllegalStateException("boom"));
            ctx.getLogger("org.apache.zookeeper.ClientCnxn").info("zookeeper chatter");
        });
        assertThat(o.file()).contains("INFO  [main] o.m.t.Task - Map (1/4) switched to RUNNING",
                "WARN  [main] o.m.t.Task - Map (1/4) failed", "java.lang.IllegalStateException: boom", "\tat ");
        assertThat(o.file()).doesNotContain("zookeeper chatter");
        assertThat(o.console()).isEmpty();
    }

    @Test
    void the_client_keeps_millrace_lines_in_the_file_and_shows_library_warnings_without_traces() throws IOException {
        Output o = logWith("log4j2-cli.xml", "client.log", ctx -> {
            ctx.getLogger("org.millrace.cli.RunCommand").info("Calling main");
            ctx.getLogger("org.millrace.cli.MillraceCli").error("Job failed", new IllegalStateException("boom"));
            ctx.getLogger("com.example.lib.Thing").warn("library warning", new IllegalArgumentException("detail"));
            ctx.getLogger("com.example.lib.Thing").info("library progress");
        });
        assertThat(o.file()).contains("Calling main", "Job failed", "java.lang.IllegalStateException: boom",
                "library warning", "library progress");
        assertThat(o.console()).isEqualTo("WARN  Thing: library warning\n");
    }
}
