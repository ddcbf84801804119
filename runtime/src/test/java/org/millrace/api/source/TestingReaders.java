package org.millrace.api.source;

import java.util.ArrayList;
import java.util.List;

/** Drives source readers the way the source task does, for tests. */
public final class TestingReaders {

    /** The most pollNext calls a test lets a reader take before calling it stuck. */
    private static final int MAX_POLLS = 10_000_000;

    private TestingReaders() {}

    /** Polls until END_OF_INPUT and returns everything emitted; fails on NOTHING_AVAILABLE (bounded sources never wait). */
    public static <T> List<T> readAll(SourceReader<T, ?> reader) throws Exception {
        TestingReaderOutput<T> output = new TestingReaderOutput<>();
        for (int polls = 0; polls < MAX_POLLS; polls++) {
            InputStatus status = reader.pollNext(output);
            if (status == InputStatus.END_OF_INPUT) {
                return output.records;
            }
            if (status != InputStatus.MORE_AVAILABLE) {
                throw new AssertionError("bounded reader returned " + status);
            }
        }
        throw new AssertionError("reader did not end after " + MAX_POLLS + " polls");
    }

    /** A reader of {@code source} at subtask {@code index} of {@code parallelism}, started, with {@code splits}. */
    public static <T, S extends SourceSplit> SourceReader<T, S> startedReader(
            Source<T, S> source, int index, int parallelism, List<S> splits) throws Exception {
        SourceReader<T, S> reader = source.createReader(new TestingSourceReaderContext(index, parallelism));
        reader.start();
        reader.addSplits(splits);
        return reader;
    }

    /** Splits assigned round-robin, as the runtime does: reader i gets splits i, i + p, i + 2p, ... */
    public static <S> List<List<S>> assignRoundRobin(List<S> splits, int parallelism) {
        List<List<S>> assignment = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            assignment.add(new ArrayList<>());
        }
        for (int i = 0; i < splits.size(); i++) {
            assignment.get(i % parallelism).add(splits.get(i));
        }
        return assignment;
    }
}
