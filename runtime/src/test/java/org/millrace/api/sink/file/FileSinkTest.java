package org.millrace.api.sink.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.millrace.api.sink.TestingWriterInitContext.NO_TIMESTAMP;
import static org.millrace.api.sink.file.FileSinkTesting.COMMITTER_CONTEXT;
import static org.millrace.api.sink.file.FileSinkTesting.allFiles;
import static org.millrace.api.sink.file.FileSinkTesting.committedLines;
import static org.millrace.api.sink.file.FileSinkTesting.isHidden;
import static org.millrace.api.sink.file.FileSinkTesting.prepareCheckpoint;

import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.DataStreamSink;
import org.millrace.api.StreamExecutionEnvironment;
import org.millrace.api.fs.Path;
import org.millrace.api.sink.Committer;
import org.millrace.api.sink.TestingWriterInitContext;
import org.millrace.api.sink.file.TestingCommitRequest.Outcome;
import org.millrace.api.source.TestingSerialization;
import org.millrace.configuration.MemorySize;

/** The file sink's writer and committer driven directly, as the runtime drives them, on the local disk. */
class FileSinkTest {

    @TempDir
    java.nio.file.Path tmp;

    private static final TestingWriterInitContext SUBTASK_0 = new TestingWriterInitContext(0, 1);

    private static List<String> records(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> String.format("rec-%05d", i)).collect(Collectors.toList());
    }

    private static <T> void writeAll(FileWriter<T> writer, List<T> records) throws Exception {
        for (T record : records) {
            writer.write(record, NO_TIMESTAMP);
        }
    }

    private Path base() {
        return new Path(tmp.resolve("out").toString());
    }

    @Test
    void when_checkpointCommitted_then_finalFilesHoldExactlyTheRecords() throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(base(), new SimpleStringEncoder<String>()).build();
        FileWriter<String> writer = sink.createWriter(SUBTASK_0, System::currentTimeMillis);
        writeAll(writer, records(0, 1000));

        List<FileSinkCommittable> committables = prepareCheckpoint(writer);
        assertThat(writer.snapshotState(1)).containsExactly(new FileSinkWriterState(writer.getUuid(), 0, 1));

        // pending: on disk, synced, but hidden
        assertThat(committables).hasSize(1);
        assertThat(allFiles(tmp.resolve("out"))).singleElement().satisfies(name -> assertThat(isHidden(name)).isTrue());
        assertThat(committedLines(tmp.resolve("out"))).isEmpty();

        List<TestingCommitRequest<FileSinkCommittable>> requests =
                TestingCommitRequest.commit(sink.createCommitter(COMMITTER_CONTEXT), committables);

        assertThat(requests).extracting(r -> r.outcome).containsExactly(Outcome.COMMITTED);
        assertThat(committedLines(tmp.resolve("out"))).isEqualTo(records(0, 1000));
        assertThat(allFiles(tmp.resolve("out"))).containsExactly("part-" + writer.getUuid() + "-0-0");
        writer.close();
    }

    @Test
    void when_checkpointWithoutRecords_or_emptyPartFile_then_nothingCommittedAndNothingLeft() throws Exception {
        // an encoder that writes nothing for odd numbers: a part file with only those stays empty
        Encoder<Integer> evenOnly = (n, out) -> {
            if (n % 2 == 0) {
                out.write(("" + n + "\n").getBytes(StandardCharsets.UTF_8));
            }
        };
        FileSink<Integer> sink = FileSink.forRowFormat(base(), evenOnly).build();
        FileWriter<Integer> writer = sink.createWriter(SUBTASK_0, System::currentTimeMillis);

        assertThat(prepareCheckpoint(writer)).isEmpty();
        writeAll(writer, List.of(1, 3, 5));
        assertThat(prepareCheckpoint(writer)).isEmpty();
        assertThat(allFiles(tmp.resolve("out"))).isEmpty();

        writeAll(writer, List.of(1, 2, 3));
        TestingCommitRequest.commit(sink.createCommitter(COMMITTER_CONTEXT), prepareCheckpoint(writer));
        assertThat(committedLines(tmp.resolve("out"))).containsExactly("2");
        writer.close();
    }

    @Test
    void when_partFileReachesMaxSize_then_rollsBeforeTheNextRecord() throws Exception {
        // each record is 10 bytes ("rec-00000\n"): a file of 100 bytes rolls before the 11th record
        FileSink<String> sink = FileSink.forRowFormat(base(), new SimpleStringEncoder<String>())
                .withRollingPolicy(DefaultRollingPolicy.builder().withMaxPartSize(new MemorySize(100)).build())
                .build();
        FileWriter<String> writer = sink.createWriter(SUBTASK_0, System::currentTimeMillis);
        writeAll(writer, records(0, 45));

        // the four full files are closed already; the fifth (5 records) closes at the checkpoint
        assertThat(allFiles(tmp.resolve("out"))).hasSize(5).allSatisfy(name -> assertThat(isHidden(name)).isTrue());
        List<FileSinkCommittable> committables = prepareCheckpoint(writer);
        TestingCommitRequest.commit(sink.createCommitter(COMMITTER_CONTEXT), committables);

        assertThat(committables).hasSize(5);
        List<Long> sizes = new ArrayList<>();
        for (FileSinkCommittable c : committables) {
            sizes.add(Files.size(java.nio.file.Path.of(c.getFinalFile().getPath())));
        }
        assertThat(sizes).containsExactly(100L, 100L, 100L, 100L, 50L);
        // names count up in writing order, so path order is record order here
        assertThat(committedLines(tmp.resolve("out"))).isEqualTo(records(0, 45));
        writer.close();
    }

    @Test
    void when_partFileOlderThanRolloverInterval_then_rollsAtTheNextTimeCheck() throws Exception {
        AtomicLong clock = new AtomicLong(1_000_000);
        FileSink<String> sink = FileSink.forRowFormat(base(), new SimpleStringEncoder<String>())
                .withRollingPolicy(DefaultRollingPolicy.builder().withRolloverInterval(Duration.ofSeconds(1)).build())
                .build();
        FileWriter<String> writer = sink.createWriter(SUBTASK_0, clock::get);
        int check = FileSink.PROCESSING_TIME_CHECK_RECORDS;

        writeAll(writer, records(0, check));
        clock.addAndGet(999);
        writeAll(writer, records(check, 2 * check));
        assertThat(allFiles(tmp.resolve("out"))).hasSize(1);
        clock.addAndGet(1);
        writeAll(writer, records(2 * check, 3 * check));
        writeAll(writer, records(3 * check, 3 * check + 1));
        List<FileSinkCommittable> committables = prepareCheckpoint(writer);

        assertThat(committables).hasSize(2);
        List<String> first = Files.readAllLines(java.nio.file.Path.of(committables.get(0).getPendingFile().getPath()));
        assertThat(first).isEqualTo(records(0, 3 * check));
        writer.close();
    }

    @Test
    void when_bucketNotWrittenForInactivityInterval_then_itsPartFileRolls_andBusyOnesDoNot() throws Exception {
        AtomicLong clock = new AtomicLong(1_000_000);
        FileSink<String> sink = FileSink.forRowFormat(base(), new SimpleStringEncoder<String>())
                .withBucketAssigner((s, context) -> s.substring(0, 1))
                .withRollingPolicy(DefaultRollingPolicy.builder()
                        .withRolloverInterval(Duration.ofHours(1)).withInactivityInterval(Duration.ofSeconds(1)).build())
                .build();
        FileWriter<String> writer = sink.createWriter(SUBTASK_0, clock::get);
        int check = FileSink.PROCESSING_TIME_CHECK_RECORDS;

        writer.write("b-first", NO_TIMESTAMP);
        writeAll(writer, records(0, check - 1).stream().map(r -> "a-" + r).collect(Collectors.toList()));
        clock.addAndGet(1000);
        // the next check finds "a" grown (active now) and "b" unchanged since the creation 1 s ago
        writeAll(writer, records(check - 1, 2 * check - 1).stream().map(r -> "a-" + r).collect(Collectors.toList()));
        writer.write("b-second", NO_TIMESTAMP);
        TestingCommitRequest.commit(sink.createCommitter(COMMITTER_CONTEXT), prepareCheckpoint(writer));

        assertThat(FileSink.listCommittedFiles(new Path(tmp.resolve("out").resolve("a").toString()))).hasSize(1);
        assertThat(FileSink.listCommittedFiles(new Path(tmp.resolve("out").resolve("b").toString()))).hasSize(2);
        assertThat(committedLines(tmp.resolve("out").resolve("b"))).containsExactly("b-first", "b-second");
        writer.close();
    }

    @Test
    void when_checkpoint_then_everyPartFileRolls_whateverThePolicy() throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(base(), new SimpleStringEncoder<String>())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .build();
        FileWriter<String> writer = sink.createWriter(SUBTASK_0, System::currentTimeMillis);
        Committer<FileSinkCommittable> committer = sink.createCommitter(COMMITTER_CONTEXT);

        for (int checkpoint = 0; checkpoint < 3; checkpoint++) {
            writeAll(writer, records(checkpoint * 10, checkpoint * 10 + 10));
            assertThat(TestingCommitRequest.commit(committer, prepareCheckpoint(writer))).hasSize(1);
        }

        assertThat(FileSink.listCommittedFiles(base())).extracting(Path::getName).containsExactly(
                "part-" + writer.getUuid() + "-0-0", "part-" + writer.getUuid() + "-0-1", "part-" + writer.getUuid() + "-0-2");
        assertThat(committedLines(tmp.resolve("out"))).isEqualTo(records(0, 30));
        writer.close();
    }

    @Test
    void when_severalBuckets_then_eachBucketDirectoryHoldsItsRecords() throws Exception {
        BucketAssigner<Integer, String> byRemainder = (n, context) -> "r" + (n % 3);
        FileSink<Integer> sink = FileSink.forRowFormat(base(), new SimpleStringEncoder<Integer>())
                .withBucketAssigner(byRemainder)
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("data").withPartSuffix(".txt").build())
                .build();
        FileWriter<Integer> writer = sink.createWriter(new TestingWriterInitContext(2, 4), System::currentTimeMillis);
        writeAll(writer, IntStream.range(0, 300).boxed().collect(Collectors.toList()));
        List<FileSinkCommittable> committables = prepareCheckpoint(writer);
        TestingCommitRequest.commit(sink.createCommitter(COMMITTER_CONTEXT), committables);

        assertThat(committables).hasSize(3);
        assertThat(allFiles(tmp.resolve("out"))).hasSize(3).allSatisfy(name ->
                assertThat(name).matches("r[012]/data-" + writer.getUuid() + "-2-[012]\\.txt"));
        for (int r = 0; r < 3; r++) {
            int remainder = r;
            List<String> expected = IntStream.range(0, 300).filter(n -> n % 3 == remainder)
                    .mapToObj(String::valueOf).collect(Collectors.toList());
            assertThat(committedLines(tmp.resolve("out").resolve("r" + r))).isEqualTo(expected);
        }
        writer.close();
    }

    @Test
    void dateTimeBucketAssigner_namesTheBucketByProcessingTime() throws Exception {
        AtomicLong clock = new AtomicLong(java.time.Instant.parse("2026-11-25T14:59:59.500Z").toEpochMilli());
        FileSink<String> sink = TestingSerialization.roundTrip(
                FileSink.forRowFormat(base(), new SimpleStringEncoder<String>())
                        .withBucketAssigner(new DateTimeBucketAssigner<>(ZoneOffset.UTC))
                        .build());
        FileWriter<String> writer = sink.createWriter(SUBTASK_0, clock::get);
        writer.write("a", NO_TIMESTAMP);
        clock.addAndGet(499);
        writer.write("b", NO_TIMESTAMP);
        clock.addAndGet(1);
        writer.write("c", NO_TIMESTAMP);
        TestingCommitRequest.commit(sink.createCommitter(COMMITTER_CONTEXT), prepareCheckpoint(writer));

        assertThat(committedLines(tmp.resolve("out").resolve("2026-11-25--14"))).containsExactly("a", "b");
        assertThat(committedLines(tmp.resolve("out").resolve("2026-11-25--15"))).containsExactly("c");
        writer.close();
    }

    @Test
    void when_bucketIdEscapesTheBasePath_then_clearError() throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(base(), new SimpleStringEncoder<String>())
                .withBucketAssigner((s, context) -> s)
                .build();
        FileWriter<String> writer = sink.createWriter(SUBTASK_0, System::currentTimeMillis);

        for (String bad : List.of("../up", "/abs", "a/./b")) {
            assertThatThrownBy(() -> writer.write(bad, NO_TIMESTAMP))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
        writer.write("a..b/c", NO_TIMESTAMP);
        writer.close();
    }

    @Test
    void when_pendingAndFinalFileBothMissing_then_commitFailsNamingTheFile() throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(base(), new SimpleStringEncoder<String>()).build();
        FileWriter<String> writer = sink.createWriter(SUBTASK_0, System::currentTimeMillis);
        writeAll(writer, records(0, 3));
        List<FileSinkCommittable> committables = prepareCheckpoint(writer);
        Files.delete(java.nio.file.Path.of(committables.get(0).getPendingFile().getPath()));

        List<TestingCommitRequest<FileSinkCommittable>> requests =
                TestingCommitRequest.commit(sink.createCommitter(COMMITTER_CONTEXT), committables);

        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.outcome).isEqualTo(Outcome.FAILED);
            assertThat(r.failure).isInstanceOf(FileNotFoundException.class)
                    .hasMessageContaining(committables.get(0).getFinalFile().toString())
                    .hasMessageContaining(committables.get(0).getPendingFile().toString())
                    .hasMessageContaining("lost");
        });
        writer.close();
    }

    @Test
    void when_finalNameTakenByAnotherFile_then_commitFailsWithoutOverwriting() throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(base(), new SimpleStringEncoder<String>()).build();
        FileWriter<String> writer = sink.createWriter(SUBTASK_0, System::currentTimeMillis);
        writeAll(writer, records(0, 3));
        List<FileSinkCommittable> committables = prepareCheckpoint(writer);
        java.nio.file.Path target = java.nio.file.Path.of(committables.get(0).getFinalFile().getPath());
        Files.writeString(target, "someone else's\n");

        List<TestingCommitRequest<FileSinkCommittable>> requests =
                TestingCommitRequest.commit(sink.createCommitter(COMMITTER_CONTEXT), committables);

        assertThat(requests).singleElement().satisfies(r -> assertThat(r.outcome).isEqualTo(Outcome.FAILED));
        assertThat(Files.readString(target)).isEqualTo("someone else's\n");
    }

    @Test
    void when_writerClosedWithoutCheckpoint_then_uncheckpointedFilesDeleted_andPendingOnesKept() throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(base(), new SimpleStringEncoder<String>())
                .withRollingPolicy(DefaultRollingPolicy.builder().withMaxPartSize(new MemorySize(100)).build())
                .build();
        FileWriter<String> writer = sink.createWriter(SUBTASK_0, System::currentTimeMillis);
        writeAll(writer, records(0, 15));
        List<FileSinkCommittable> checkpointed = prepareCheckpoint(writer);
        // 25 more records: two files rolled by size and one in progress, none of them in a checkpoint
        writeAll(writer, records(15, 40));
        assertThat(allFiles(tmp.resolve("out"))).hasSize(2 + 3);

        writer.close();

        assertThat(allFiles(tmp.resolve("out"))).containsExactlyInAnyOrderElementsOf(checkpointed.stream()
                .map(c -> c.getPendingFile().getName()).collect(Collectors.toList()));
    }

    @Test
    void simpleStringEncoder_writesUtf8LikeStringGetBytes_andOtherCharsets() throws Exception {
        String text = "a ü € 😀 \uD800 end";
        java.io.ByteArrayOutputStream utf8 = new java.io.ByteArrayOutputStream();
        TestingSerialization.roundTrip(new SimpleStringEncoder<String>()).encode(text, utf8);
        java.io.ByteArrayOutputStream latin1 = new java.io.ByteArrayOutputStream();
        TestingSerialization.roundTrip(new SimpleStringEncoder<String>("ISO-8859-1")).encode("ü", latin1);

        assertThat(utf8.toByteArray()).isEqualTo((text + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(latin1.toByteArray()).isEqualTo(new byte[] {(byte) 0xFC, '\n'});
        assertThatThrownBy(() -> new SimpleStringEncoder<String>("no-such-charset"))
                .hasMessageContaining("no-such-charset");
    }

    @Test
    void outputFileConfig_rejectsHiddenOrNestedPrefixes() {
        for (String prefix : List.of("", ".part", "_part", "a/b")) {
            assertThatThrownBy(() -> OutputFileConfig.builder().withPartPrefix(prefix).build())
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> OutputFileConfig.builder().withPartSuffix("/x").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serializers_roundTrip_andRejectUnknownVersions() throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(base(), new SimpleStringEncoder<String>()).build();
        List<FileSinkCommittable> committables = List.of(
                new FileSinkCommittable(new Path("/tmp/out/b 1/.part-x-0-0.inprogress"), new Path("/tmp/out/b 1/part-x-0-0")),
                new FileSinkCommittable(new Path("hdfs://nn:8020/out/.p-ü-1-7.txt.inprogress"), new Path("hdfs://nn:8020/out/p-ü-1-7.txt")),
                new FileSinkCommittable(new Path("file:///c:colon/.a.inprogress"), new Path("file:///c:colon/a")));
        FileSinkWriterState state = new FileSinkWriterState("0f8fad5b-d9cb-469f-a165-70867728950e", 7, Long.MAX_VALUE);

        assertThat(FileSinkTesting.throughCheckpoint(sink.getCommittableSerializer(), committables)).isEqualTo(committables);
        assertThat(FileSinkTesting.throughCheckpoint(sink.getWriterStateSerializer(), List.of(state))).containsExactly(state);
        byte[] bytes = sink.getCommittableSerializer().serialize(committables.get(0));
        assertThatThrownBy(() -> sink.getCommittableSerializer().deserialize(2, bytes)).hasMessageContaining("version 2");
        byte[] stateBytes = sink.getWriterStateSerializer().serialize(state);
        assertThatThrownBy(() -> sink.getWriterStateSerializer().deserialize(0, stateBytes)).hasMessageContaining("version 0");
    }

    @Test
    void fileSink_isASinkForSinkTo_andSurvivesJobGraphSerialization() throws Exception {
        FileSink<Long> sink = FileSink.forRowFormat(base(), new SimpleStringEncoder<Long>())
                .withRollingPolicy(DefaultRollingPolicy.builder().withMaxPartSize(MemorySize.ofMebiBytes(1)).build())
                .build();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

        DataStreamSink<Long> dataStreamSink = env.fromSequence(1, 10).sinkTo(sink);

        assertThat(dataStreamSink).isNotNull();
        FileSink<Long> copy = TestingSerialization.roundTrip(sink);
        assertThat(copy.getBasePath()).isEqualTo(base());
        assertThat(copy.getCommittableSerializer()).isSameAs(sink.getCommittableSerializer());
    }

    @Test
    void listCommittedFiles_ofMissingBase_isEmpty() throws Exception {
        assertThat(FileSink.listCommittedFiles(new Path(tmp.resolve("nothing-here").toString()))).isEmpty();
    }
}
