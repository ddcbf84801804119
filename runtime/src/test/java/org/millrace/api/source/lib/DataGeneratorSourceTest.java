package org.millrace.api.source.lib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.millrace.api.source.SourceReader;
import org.millrace.api.source.SourceReaderContext;
import org.millrace.api.source.TestingReaderOutput;
import org.millrace.api.source.TestingReaders;
import org.millrace.api.source.TestingSerialization;
import org.millrace.api.source.TestingTypes;
import org.millrace.api.source.lib.NumberSequenceSource.NumberSequenceSplit;

class DataGeneratorSourceTest {

    @Test
    void when_split_then_oneContiguousRangePerReader_firstCountModPLonger() {
        for (long count : new long[] {1, 7, 100, 1001}) {
            for (int p = 1; p <= 9; p++) {
                List<NumberSequenceSplit> splits = new DataGeneratorSource<>(i -> i, count, TestingTypes.LONG).createSplits(p);

                long start = 0;
                for (int i = 0; i < splits.size(); i++) {
                    long expectedLength = count / p + (i < count % p ? 1 : 0);
                    assertThat(splits.get(i)).isEqualTo(new NumberSequenceSplit(String.valueOf(i), start, start + expectedLength - 1));
                    start += expectedLength;
                }
                assertThat(start).isEqualTo(count);
                assertThat(splits).hasSize((int) Math.min(p, count));
            }
        }
    }

    @Test
    void when_countZero_then_noSplits() {
        assertThat(new DataGeneratorSource<>(i -> i, 0, TestingTypes.LONG).createSplits(3)).isEmpty();
    }

    @Test
    void when_read_then_functionAppliedToEveryIndexOnce_andOpenedAndClosed() throws Exception {
        DataGeneratorSource<String> source = TestingSerialization.roundTrip(
                new DataGeneratorSource<>(new LifecycleRecordingGenerator(), 10_001, TestingTypes.STRING));
        assertThat(source.getProducedType()).isEqualTo(TestingTypes.STRING);

        List<String> all = new ArrayList<>();
        List<List<NumberSequenceSplit>> assignment = TestingReaders.assignRoundRobin(source.createSplits(3), 3);
        for (int i = 0; i < 3; i++) {
            SourceReader<String, NumberSequenceSplit> reader = TestingReaders.startedReader(source, i, 3, assignment.get(i));
            all.addAll(TestingReaders.readAll(reader));
            reader.close();
        }

        assertThat(all).containsExactlyElementsOf(
                LongStream.range(0, 10_001).mapToObj(i -> "opened-" + i).collect(Collectors.toList()));
    }

    @Test
    void when_snapshotMidway_then_restoredReaderContinues() throws Exception {
        DataGeneratorSource<Long> source = new DataGeneratorSource<>(i -> i * 2, 10_000, TestingTypes.LONG);
        SourceReader<Long, NumberSequenceSplit> reader = TestingReaders.startedReader(source, 0, 1, source.createSplits(1));
        TestingReaderOutput<Long> first = new TestingReaderOutput<>();
        reader.pollNext(first);

        List<NumberSequenceSplit> snapshot = reader.snapshotState(1);
        List<Long> rest = TestingReaders.readAll(TestingReaders.startedReader(source, 0, 1, snapshot));

        assertThat(first.records).isNotEmpty().hasSizeLessThan(10_000);
        List<Long> whole = new ArrayList<>(first.records);
        whole.addAll(rest);
        assertThat(whole).containsExactlyElementsOf(LongStream.range(0, 10_000).map(i -> i * 2).boxed().collect(Collectors.toList()));
    }

    /** Prefixes each value with "opened-" only between open and close, so a missing open shows. */
    private static final class LifecycleRecordingGenerator implements GeneratorFunction<Long, String> {
        private static final long serialVersionUID = 1L;

        private String prefix = "not-opened-";

        @Override
        public void open(SourceReaderContext readerContext) {
            prefix = "opened-";
        }

        @Override
        public void close() {
            prefix = "closed-";
        }

        @Override
        public String map(Long value) {
            return prefix + value;
        }
    }
}
