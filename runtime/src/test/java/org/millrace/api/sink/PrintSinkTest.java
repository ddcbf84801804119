package org.millrace.api.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.millrace.api.source.TestingSerialization;

class PrintSinkTest {

    private static String print(PrintSink<Object> sink, int index, int parallelism, List<?> records) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(bytes, false, StandardCharsets.UTF_8);
        SinkWriter<Object> writer = TestingSerialization.roundTrip(sink).createWriter(new TestingWriterInitContext(index, parallelism), stream);
        for (Object record : records) {
            writer.write(record, TestingWriterInitContext.NO_TIMESTAMP);
        }
        writer.flush(true);
        writer.close();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void when_parallelismOne_then_plainToString() throws Exception {
        assertThat(print(new PrintSink<>(), 0, 1, List.of("a", 42, List.of(1, 2))))
                .isEqualTo("a" + System.lineSeparator() + "42" + System.lineSeparator() + "[1, 2]" + System.lineSeparator());
    }

    @Test
    void when_parallel_then_subtaskNumberPrefix() throws Exception {
        assertThat(print(new PrintSink<>(), 2, 4, List.of("x", "y")))
                .isEqualTo("3> x" + System.lineSeparator() + "3> y" + System.lineSeparator());
    }

    @Test
    void when_identifier_then_identifierPrefix_withSubtaskWhenParallel() throws Exception {
        assertThat(print(new PrintSink<>("words"), 0, 2, List.of("x"))).isEqualTo("words:1> x" + System.lineSeparator());
        assertThat(print(new PrintSink<>("words", true), 0, 1, List.of("x"))).isEqualTo("words> x" + System.lineSeparator());
    }

    @Test
    void when_nullRecord_then_printedAsNull() throws Exception {
        assertThat(print(new PrintSink<>(), 0, 1, java.util.Arrays.asList((Object) null))).isEqualTo("null" + System.lineSeparator());
    }

    @Test
    void prefixRules() {
        assertThat(PrintSink.prefix("", 0, 1)).isEmpty();
        assertThat(PrintSink.prefix("", 9, 10)).isEqualTo("10> ");
        assertThat(PrintSink.prefix("id", 0, 1)).isEqualTo("id> ");
        assertThat(PrintSink.prefix("id", 4, 5)).isEqualTo("id:5> ");
    }

    @Test
    void when_createWriterWithoutStream_then_printsToSystemOut() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            SinkWriter<String> writer = new PrintSink<String>("out").createWriter(new TestingWriterInitContext(1, 2));
            writer.write("hello", TestingWriterInitContext.NO_TIMESTAMP);
            writer.flush(true);
            writer.close();
        } finally {
            System.setOut(original);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("out:2> hello" + System.lineSeparator());
    }
}
