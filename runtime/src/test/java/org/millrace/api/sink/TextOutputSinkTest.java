package org.millrace.api.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.fs.Path;
import org.millrace.api.source.TestingSerialization;
import org.millrace.fs.FileSystem.WriteMode;

class TextOutputSinkTest {

    @TempDir
    java.nio.file.Path tmp;

    private static void writeAll(TextOutputSink<Object> sink, int index, int parallelism, List<?> records) throws Exception {
        try (SinkWriter<Object> writer = TestingSerialization.roundTrip(sink).createWriter(new TestingWriterInitContext(index, parallelism))) {
            for (Object record : records) {
                writer.write(record, TestingWriterInitContext.NO_TIMESTAMP);
            }
            writer.flush(true);
        }
    }

    private static List<String> names(java.nio.file.Path dir) throws IOException {
        try (Stream<java.nio.file.Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void when_parallelismOne_then_pathIsTheFile() throws Exception {
        java.nio.file.Path out = tmp.resolve("out.txt");
        writeAll(new TextOutputSink<>(new Path(out.toString()), WriteMode.NO_OVERWRITE), 0, 1, List.of("a", 1, "ü€😀"));

        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo("a\n1\nü€😀\n");
    }

    @Test
    void when_parallel_then_directoryWithFilesNamedOneToN() throws Exception {
        java.nio.file.Path out = tmp.resolve("out");
        TextOutputSink<Object> sink = new TextOutputSink<>(new Path(out.toString()), WriteMode.NO_OVERWRITE);
        for (int i = 0; i < 3; i++) {
            writeAll(sink, i, 3, List.of("from " + i, "again " + i));
        }

        assertThat(names(out)).containsExactly("1", "2", "3");
        assertThat(Files.readString(out.resolve("2"))).isEqualTo("from 1\nagain 1\n");
    }

    @Test
    void when_targetExistsWithNoOverwrite_then_clearError() throws Exception {
        java.nio.file.Path file = tmp.resolve("exists.txt");
        Files.writeString(file, "keep me");
        java.nio.file.Path dir = tmp.resolve("dir");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("2"), "keep me too");

        assertThatThrownBy(() -> writeAll(new TextOutputSink<>(new Path(file.toString()), WriteMode.NO_OVERWRITE), 0, 1, List.of("x")))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("NO_OVERWRITE");
        assertThatThrownBy(() -> writeAll(new TextOutputSink<>(new Path(dir.toString()), WriteMode.NO_OVERWRITE), 0, 1, List.of("x")))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> writeAll(new TextOutputSink<>(new Path(file.toString()), WriteMode.NO_OVERWRITE), 0, 2, List.of("x")))
                .isInstanceOf(FileAlreadyExistsException.class);
        TextOutputSink<Object> intoDir = new TextOutputSink<>(new Path(dir.toString()), WriteMode.NO_OVERWRITE);
        writeAll(intoDir, 0, 2, List.of("x"));
        assertThatThrownBy(() -> writeAll(intoDir, 1, 2, List.of("x")))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining(dir.resolve("2").toString());

        assertThat(Files.readString(file)).isEqualTo("keep me");
        assertThat(Files.readString(dir.resolve("2"))).isEqualTo("keep me too");
    }

    @Test
    void when_overwrite_then_fileOrDirectoryReplaced() throws Exception {
        java.nio.file.Path target = tmp.resolve("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("old"), "x");

        writeAll(new TextOutputSink<>(new Path(target.toString()), WriteMode.OVERWRITE), 0, 1, List.of("single"));
        assertThat(Files.readString(target)).isEqualTo("single\n");

        TextOutputSink<Object> parallel = new TextOutputSink<>(new Path(target.toString()), WriteMode.OVERWRITE);
        writeAll(parallel, 0, 2, List.of("one"));
        writeAll(parallel, 1, 2, List.of("two"));
        assertThat(names(target)).containsExactly("1", "2");
        assertThat(Files.readString(target.resolve("1"))).isEqualTo("one\n");
    }

    @Test
    void when_overwriteWithLowerParallelism_then_staleNumberedFilesRemoved() throws Exception {
        java.nio.file.Path dir = tmp.resolve("dir");
        Files.createDirectories(dir);
        for (String name : new String[] {"1", "2", "3", "4", "notes", "07"}) {
            Files.writeString(dir.resolve(name), "old");
        }
        TextOutputSink<Object> sink = new TextOutputSink<>(new Path(dir.toString()), WriteMode.OVERWRITE);

        writeAll(sink, 0, 2, List.of("a"));
        writeAll(sink, 1, 2, List.of("b"));

        assertThat(names(dir)).containsExactly("07", "1", "2", "notes");
        assertThat(Files.readString(dir.resolve("2"))).isEqualTo("b\n");
    }

    @Test
    void when_manyAndLongRecords_then_bytesEqualStringGetBytes() throws Exception {
        Random rnd = new Random(5);
        String alphabet = "abc é€😀\t\uD800x\uDC00"; // includes an unpaired high and low surrogate
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            int length = i % 1000 == 0 ? 70_000 + rnd.nextInt(50_000) : rnd.nextInt(40);
            StringBuilder sb = new StringBuilder();
            while (sb.length() < length) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            records.add(sb.toString());
        }
        // a surrogate pair straddling a piece boundary of the long-line path
        records.add("x".repeat(TextOutputWriter.BUFFER_SIZE / 3 - 2) + "😀😀😀" + "y".repeat(100_000));
        java.nio.file.Path out = tmp.resolve("big.txt");

        writeAll(new TextOutputSink<>(new Path(out.toString()), WriteMode.NO_OVERWRITE), 0, 1, records);

        String expected = records.stream().map(r -> r + "\n").collect(Collectors.joining());
        assertThat(Files.readAllBytes(out)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }
}
