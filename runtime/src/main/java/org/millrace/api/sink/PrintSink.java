package org.millrace.api.sink;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Prints each record's {@code toString()} on a line of standard output (or standard error),
 * prefixed to tell the parallel instances apart: {@code "N> "} with N = subtask index + 1 when the
 * sink runs with parallelism > 1, {@code "id:N> "} with a sink identifier, {@code "id> "} with an
 * identifier and parallelism 1, nothing otherwise ({@code print()}, {@code printToErr()}).
 */
public class PrintSink<IN> implements Sink<IN> {

    private static final long serialVersionUID = 1L;

    private final String sinkIdentifier;
    private final boolean stdErr;

    /** Prints to standard output without an identifier. */
    public PrintSink() {
        this("", false);
    }

    public PrintSink(boolean stdErr) {
        this("", stdErr);
    }

    public PrintSink(String sinkIdentifier) {
        this(sinkIdentifier, false);
    }

    public PrintSink(String sinkIdentifier, boolean stdErr) {
        this.sinkIdentifier = Objects.requireNonNull(sinkIdentifier, "sinkIdentifier");
        this.stdErr = stdErr;
    }

    @Override
    public SinkWriter<IN> createWriter(WriterInitContext context) {
        // the stream is looked up per writer, so System.setOut/setErr before the job starts is honoured
        return createWriter(context, stdErr ? System.err : System.out);
    }

    SinkWriter<IN> createWriter(WriterInitContext context, PrintStream stream) {
        return new PrintSinkWriter<>(stream, prefix(sinkIdentifier, context.getIndexOfSubtask(), context.getParallelism()));
    }

    /** The line prefix of subtask {@code subtaskIndex} (zero-based) of {@code parallelism}. */
    static String prefix(String sinkIdentifier, int subtaskIndex, int parallelism) {
        String prefix = sinkIdentifier;
        if (parallelism > 1) {
            prefix = (prefix.isEmpty() ? "" : prefix + ":") + (subtaskIndex + 1);
        }
        return prefix.isEmpty() ? "" : prefix + "> ";
    }

    @Override
    public String toString() {
        return "Print to " + (stdErr ? "System.err" : "System.out");
    }

    /** Prints records of one subtask; called from the sink task's thread (the stream itself is shared and locks per line). */
    private static final class PrintSinkWriter<IN> implements SinkWriter<IN> {

        private final PrintStream stream;
        private final String prefix;

        PrintSinkWriter(PrintStream stream, String prefix) {
            this.stream = stream;
            this.prefix = prefix;
        }

        @Override
        public void write(IN element, Context context) {
            // one println per record: lines of parallel subtasks sharing the stream never interleave
            stream.println(prefix.isEmpty() ? String.valueOf(element) : prefix + element);
        }

        @Override
        public void flush(boolean endOfInput) {
            stream.flush();
        }

        @Override
        public void close() {
            // System.out and System.err belong to the process: flushed, never closed
            stream.flush();
        }
    }
}
