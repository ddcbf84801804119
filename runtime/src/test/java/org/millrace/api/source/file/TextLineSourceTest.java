package org.millrace.api.source.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.fs.Path;
import org.millrace.api.source.InputStatus;
import org.millrace.api.source.TestingReaderOutput;
import org.millrace.api.source.TestingReaders;
import org.millrace.api.source.TestingSerialization;

/**
 * Verifies that text files cut into splits of any size are read line by line exactly once, in file
 * order, and that a reader's snapshot resumes at the exact next line.
 *
 * <p>The reference is {@link Files#readAllLines}: for files without a lone '\r' (one not followed by
 * '\n'), its lines (ended by "\n" or "\r\n"; a last line without terminator counts; no empty line
 * after a final terminator) are exactly ours. A lone '\r' is the one difference, pinned separately.
 */
class TextLineSourceTest {

    private static final String[] PIECES = {"a", "b", "xyz", " ", "é", "€", "😀", "0123456789", "\t"};

    @TempDir
    java.nio.file.Path tmp;

    /** Random lines (some empty, some long, multi-byte chars), ended by '\n' or "\r\n", the last one maybe not. */
    private static String randomText(Random rnd, int lines, int maxPieces) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            int pieces = rnd.nextInt(5) == 0 ? 0 : rnd.nextInt(10) == 0 ? rnd.nextInt(maxPieces * 10) : rnd.nextInt(maxPieces);
            for (int j = 0; j < pieces; j++) {
                sb.append(PIECES[rnd.nextInt(PIECES.length)]);
            }
            boolean last = i == lines - 1;
            if (!last || rnd.nextBoolean()) {
                sb.append(rnd.nextInt(3) == 0 ? "\r\n" : "\n");
            }
        }
        return sb.toString();
    }

    private Path write(String relative, String content) throws IOException {
        java.nio.file.Path file = tmp.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        return new Path(file.toString());
    }

    private static List<FileSourceSplit> splits(Path path, long maxSplitSize, int parallelism) throws IOException {
        TextInputFormat format = new TextInputFormat(path);
        format.setMaxSplitSize(maxSplitSize);
        return new TextLineSource(format).createSplits(parallelism);
    }

    private static List<String> read(List<FileSourceSplit> splits, int bufferSize, int maxLinesPerPoll) throws Exception {
        try (TextLineReader reader = new TextLineReader(StandardCharsets.UTF_8, bufferSize, maxLinesPerPoll)) {
            reader.addSplits(splits);
            return TestingReaders.readAll(reader);
        }
    }

    @Test
    void when_anySplitSizeAndBufferSize_then_linesEqualReadAllLines() throws Exception {
        Random rnd = new Random(42);
        List<String> contents = new ArrayList<>(List.of("", "\n", "\r\n", "x", "\n\n\r\n", "one\ntwo", "é€😀\r\n"));
        for (int i = 0; i < 8; i++) {
            contents.add(randomText(rnd, 1 + rnd.nextInt(100), 1 + rnd.nextInt(12)));
        }
        int fileNo = 0;
        for (String content : contents) {
            Path file = write("f" + fileNo++, content);
            List<String> expected = Files.readAllLines(java.nio.file.Path.of(file.getPath()), StandardCharsets.UTF_8);
            for (long splitSize : new long[] {1, 7, 13, 64, 1000, TextInputFormat.DEFAULT_MAX_SPLIT_SIZE}) {
                List<FileSourceSplit> splits = splits(file, splitSize, 1);
                for (int bufferSize : new int[] {1, 5, 64, 128 * 1024}) {
                    assertThat(read(splits, bufferSize, 3))
                            .as("file %s, split size %s, buffer %s", file, splitSize, bufferSize)
                            .isEqualTo(expected);
                }
                // each split on its own reader: together still every line exactly once, in order
                List<String> splitBySplit = new ArrayList<>();
                for (FileSourceSplit split : splits) {
                    splitBySplit.addAll(read(List.of(split), 7, 1000));
                }
                assertThat(splitBySplit).as("split by split, file %s, split size %s", file, splitSize).isEqualTo(expected);
            }
        }
    }

    @Test
    void when_parallelReadersOverDirectory_then_everyLineOnce_andEachReaderReadsItsSplitsInOrder() throws Exception {
        Random rnd = new Random(7);
        List<String> expected = new ArrayList<>();
        // enumeration order: directory entries by name, depth first
        for (String name : new String[] {"a.txt", "b/c.txt", "b/d/e.txt", "f.txt"}) {
            String content = randomText(rnd, 50 + rnd.nextInt(200), 8);
            Path file = write("in/" + name, content);
            expected.addAll(Files.readAllLines(java.nio.file.Path.of(file.getPath()), StandardCharsets.UTF_8));
        }
        write("in/.hidden", "must not be read\n");
        write("in/_SUCCESS", "must not be read\n");
        write("in/_tmp/x.txt", "must not be read\n");
        write("in/.staging/y.txt", "must not be read\n");
        write("in/empty.txt", "");
        Path dir = new Path(tmp.resolve("in").toString());

        for (long splitSize : new long[] {7, 100, 4096}) {
            for (int p = 1; p <= 4; p++) {
                List<FileSourceSplit> splits = TestingSerialization.roundTrip(new ArrayList<>(splits(dir, splitSize, p)));
                List<List<String>> bySplit = new ArrayList<>();
                List<String> all = new ArrayList<>();
                for (FileSourceSplit split : splits) {
                    List<String> lines = read(List.of(split), 64, 100);
                    bySplit.add(lines);
                    all.addAll(lines);
                }
                assertThat(all).as("split size %s, p %s", splitSize, p).isEqualTo(expected);

                List<List<FileSourceSplit>> assignment = TestingReaders.assignRoundRobin(splits, p);
                for (int r = 0; r < p; r++) {
                    List<String> ofReader = new ArrayList<>();
                    for (int s = r; s < splits.size(); s += p) {
                        ofReader.addAll(bySplit.get(s));
                    }
                    assertThat(read(assignment.get(r), 64, 100)).isEqualTo(ofReader);
                }
            }
        }
    }

    @Test
    void when_sourceCreatesItsOwnReader_then_defaultsReadTheFile() throws Exception {
        String content = randomText(new Random(3), 5000, 20);
        Path file = write("big.txt", content);
        TextLineSource source = TestingSerialization.roundTrip(new TextLineSource(new TextInputFormat(file)));

        List<FileSourceSplit> splits = source.createSplits(2);

        assertThat(splits).hasSize(1);
        assertThat(TestingReaders.readAll(TestingReaders.startedReader(source, 0, 2, splits)))
                .isEqualTo(Files.readAllLines(java.nio.file.Path.of(file.getPath()), StandardCharsets.UTF_8));
    }

    @Test
    void when_snapshotBetweenPolls_then_restoredReaderReadsExactlyTheRest() throws Exception {
        Random rnd = new Random(11);
        Path file = write("s.txt", randomText(rnd, 250, 10));
        List<String> expected = Files.readAllLines(java.nio.file.Path.of(file.getPath()), StandardCharsets.UTF_8);
        for (long splitSize : new long[] {13, 500, TextInputFormat.DEFAULT_MAX_SPLIT_SIZE}) {
            try (TextLineReader reader = new TextLineReader(StandardCharsets.UTF_8, 16, 7)) {
                reader.addSplits(splits(file, splitSize, 1));
                TestingReaderOutput<String> before = new TestingReaderOutput<>();
                boolean ended = false;
                for (int polls = 0; !ended; polls++) {
                    List<FileSourceSplit> snapshot = TestingSerialization.roundTrip(new ArrayList<>(reader.snapshotState(polls)));

                    assertThat(read(snapshot, 5, 3))
                            .as("split size %s, snapshot after %s polls", splitSize, polls)
                            .isEqualTo(expected.subList(before.records.size(), expected.size()));
                    ended = reader.pollNext(before) == InputStatus.END_OF_INPUT;
                }
                assertThat(before.records).isEqualTo(expected);
                assertThat(reader.snapshotState(Long.MAX_VALUE)).isEmpty();
            }
        }
    }

    @Test
    void when_snapshotMidSplit_then_positionIsTheNextLineStart() throws Exception {
        Path file = write("p.txt", "first\r\nsecond\nthird\n");
        TextLineReader reader = new TextLineReader(StandardCharsets.UTF_8, 4, 1);
        reader.addSplits(splits(file, 1000, 1));
        TestingReaderOutput<String> out = new TestingReaderOutput<>();

        reader.pollNext(out);

        assertThat(out.records).containsExactly("first");
        assertThat(reader.snapshotState(1)).containsExactly(new FileSourceSplit("0", file, 0, 20, 7));
        reader.close();
    }

    @Test
    void when_loneCarriageReturn_then_itStaysInTheLine_butATrailingOneIsDropped() throws Exception {
        Path file = write("cr.txt", "a\rb\nc\r\r\n\r\nd\r");
        for (long splitSize : new long[] {1, 3, 100}) {
            assertThat(read(splits(file, splitSize, 1), 2, 10)).containsExactly("a\rb", "c\r", "", "d");
        }
    }

    @Test
    void when_nestedEnumerationOff_then_onlyTopLevelFiles() throws Exception {
        write("n/top.txt", "top\n");
        write("n/sub/deep.txt", "deep\n");
        TextInputFormat format = new TextInputFormat(new Path(tmp.resolve("n").toString()));
        format.setNestedFileEnumeration(false);

        List<FileSourceSplit> splits = new TextLineSource(format).createSplits(1);

        assertThat(read(splits, 64, 10)).containsExactly("top");
    }

    @Test
    void when_largeInput_then_splitSizeFollowsParallelismWithinBounds() throws Exception {
        byte[] line = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\n".getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[3 * 1024 * 1024];
        for (int i = 0; i < content.length; i += line.length) {
            System.arraycopy(line, 0, content, i, Math.min(line.length, content.length - i));
        }
        java.nio.file.Path big = tmp.resolve("big.bin");
        Files.write(big, content);
        Path path = new Path(big.toString());

        // total/parallelism = 1 MiB each
        assertThat(splits(path, TextInputFormat.DEFAULT_MAX_SPLIT_SIZE, 3))
                .extracting(FileSourceSplit::offset, FileSourceSplit::length)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, 1048576L),
                        org.assertj.core.groups.Tuple.tuple(1048576L, 1048576L),
                        org.assertj.core.groups.Tuple.tuple(2097152L, 1048576L));
        // never below 1 MiB to spread work ...
        assertThat(splits(path, TextInputFormat.DEFAULT_MAX_SPLIT_SIZE, 16)).hasSize(3);
        // ... never above the max split size, cut in equal parts
        assertThat(splits(path, 1024 * 1024 + 1, 1)).extracting(FileSourceSplit::length).containsExactly(1048576L, 1048576L, 1048576L);
        assertThat(splits(path, TextInputFormat.DEFAULT_MAX_SPLIT_SIZE, 1)).hasSize(1);
    }

    @Test
    void when_pathMissing_then_clearError() {
        Path missing = new Path(tmp.resolve("nope").toString());
        assertThatThrownBy(() -> splits(missing, 100, 1))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void when_charsetHasMultiByteNewlines_then_rejected_andLatin1Decodes() throws Exception {
        TextInputFormat format = new TextInputFormat(new Path("/x"));
        assertThatThrownBy(() -> format.setCharsetName("UTF-16")).isInstanceOf(IllegalArgumentException.class);

        java.nio.file.Path file = tmp.resolve("latin1.txt");
        Files.write(file, "caf\u00e9\nna\u00efve".getBytes(StandardCharsets.ISO_8859_1));
        TextInputFormat latin1 = new TextInputFormat(new Path(file.toString()));
        latin1.setCharsetName("ISO-8859-1");
        TextLineSource source = new TextLineSource(latin1);

        assertThat(TestingReaders.readAll(TestingReaders.startedReader(source, 0, 1, source.createSplits(1))))
                .containsExactly("caf\u00e9", "na\u00efve");
    }

    @Test
    void when_noSplits_then_endOfInputRightAway() throws Exception {
        assertThat(read(List.of(), 8, 8)).isEmpty();
    }
}
