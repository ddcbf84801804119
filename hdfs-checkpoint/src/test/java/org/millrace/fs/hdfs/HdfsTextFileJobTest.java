package org.millrace.fs.hdfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.StreamExecutionEnvironment;
import org.millrace.api.fs.Path;
import org.millrace.api.source.file.TextInputFormat;
import org.millrace.api.util.CloseableIterator;
import org.millrace.fs.FSDataInputStream;
import org.millrace.fs.FSDataOutputStream;
import org.millrace.fs.FileStatus;
import org.millrace.fs.FileSystem.WriteMode;

/**
 * Verifying that jobs on the embedded local cluster read and write {@code hdfs://} paths through
 * the runtime's file sources and sinks, which find {@link HadoopFileSystem} by ServiceLoader: every
 * line read exactly once, compared with the lines Java finds in the same text.
 */
class HdfsTextFileJobTest {

    private static final String[] PIECES = {"a", "b", "xyz", " ", "é", "€", "😀", "0123456789", "\t"};

    @TempDir
    static java.nio.file.Path tmp;

    private static MiniDfs dfs;

    @BeforeAll
    static void startCluster() throws IOException {
        dfs = MiniDfs.start(tmp);
    }

    @AfterAll
    static void stopCluster() {
        if (dfs != null) {
            dfs.close();
        }
    }

    /** Lines of random pieces (some empty), ended by '\n' or "\r\n", the last one without an ending. */
    private static String randomText(Random rnd, int lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            int pieces = rnd.nextInt(6) == 0 ? 0 : rnd.nextInt(20);
            for (int p = 0; p < pieces; p++) {
                sb.append(PIECES[rnd.nextInt(PIECES.length)]);
            }
            if (i < lines - 1) {
                sb.append(rnd.nextBoolean() ? "\n" : "\r\n");
            }
        }
        return sb.toString();
    }

    private static void upload(Path file, String text) throws IOException {
        try (FSDataOutputStream out = dfs.fileSystem().create(file, WriteMode.NO_OVERWRITE)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static List<String> drain(CloseableIterator<String> it) throws Exception {
        List<String> all = new ArrayList<>();
        try (it) {
            it.forEachRemaining(all::add);
        }
        return all;
    }

    @Test
    void when_readTextFileOnHdfs_then_everyLineOnce() throws Exception {
        String text = randomText(new Random(42), 20_000);
        Path input = dfs.path("/job/input.txt");
        upload(input, text);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        List<String> lines = drain(env.readTextFile(input.toString()).executeAndCollect());

        // String.lines() ends lines at "\n" and "\r\n" as the source does (the text has no lone '\r')
        assertThat(lines).containsExactlyInAnyOrderElementsOf(text.lines().toList());
    }

    @Test
    void when_directoryReadInSmallSplits_then_filesLinesOnceAndMarkersSkipped() throws Exception {
        Random rnd = new Random(7);
        String first = randomText(rnd, 5_000);
        // a line longer than the reader's 128 KiB buffer, across several splits
        String second = randomText(rnd, 3_000) + "\n" + "😀0123456789".repeat(20_000) + "\n" + randomText(rnd, 100);
        upload(dfs.path("/dir/part-0"), first);
        upload(dfs.path("/dir/nested/part-1"), second);
        upload(dfs.path("/dir/_SUCCESS"), "marker\n");
        upload(dfs.path("/dir/.part-0.crc"), "hidden\n");

        Path dir = dfs.path("/dir");
        TextInputFormat format = new TextInputFormat(dir);
        format.setMaxSplitSize(16 * 1024);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
        List<String> lines = drain(env.readFile(format, dir.toString()).executeAndCollect());

        List<String> expected = new ArrayList<>(first.lines().toList());
        expected.addAll(second.lines().toList());
        assertThat(lines).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void when_writeAsTextToHdfs_then_oneFilePerSubtaskHoldingAllRecords() throws Exception {
        List<Long> numbers = new ArrayList<>();
        for (long i = 0; i < 10_000; i++) {
            numbers.add(i * 7919 % 10_007);
        }
        Path out = dfs.path("/job/out");

        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromCollection(numbers).rebalance().writeAsText(out.toString(), WriteMode.NO_OVERWRITE);
        env.execute("write to hdfs");

        FileStatus[] files = dfs.fileSystem().listStatus(out);
        assertThat(files).extracting(s -> s.getPath().getName()).containsExactly("1", "2");
        List<String> written = new ArrayList<>();
        for (FileStatus file : files) {
            try (FSDataInputStream in = dfs.fileSystem().open(file.getPath())) {
                written.addAll(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
            }
        }
        assertThat(written).containsExactlyInAnyOrderElementsOf(numbers.stream().map(String::valueOf).toList());
    }
}
