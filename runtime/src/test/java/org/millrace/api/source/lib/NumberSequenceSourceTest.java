package org.millrace.api.source.lib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.millrace.api.source.InputStatus;
import org.millrace.api.source.SourceReader;
import org.millrace.api.source.TestingReaderOutput;
import org.millrace.api.source.TestingReaders;
import org.millrace.api.source.TestingSerialization;
import org.millrace.api.source.lib.NumberSequenceSource.NumberSequenceSplit;

class NumberSequenceSourceTest {

    @Test
    void when_split_then_rangesAreContiguousAndCoverFromToExactly() {
        long[][] ranges = {{0, 0}, {1, 10}, {-5, 5}, {0, 999}, {7, 7 + 1_000_003}, {Long.MAX_VALUE - 9, Long.MAX_VALUE},
            {Long.MIN_VALUE, Long.MIN_VALUE + 6}, {Long.MIN_VALUE, Long.MAX_VALUE}, {-1, Long.MAX_VALUE}};
        for (long[] range : ranges) {
            for (int p = 1; p <= 13; p++) {
                List<NumberSequenceSplit> splits = new NumberSequenceSource(range[0], range[1]).createSplits(p);

                assertThat(splits.get(0).from()).as("first of %s p=%s", range, p).isEqualTo(range[0]);
                assertThat(splits.get(splits.size() - 1).to()).isEqualTo(range[1]);
                for (int i = 1; i < splits.size(); i++) {
                    assertThat(splits.get(i).from()).isEqualTo(splits.get(i - 1).to() + 1);
                }
                assertThat(splits).extracting(NumberSequenceSplit::splitId)
                        .containsExactlyElementsOf(LongStream.range(0, splits.size()).mapToObj(String::valueOf).collect(Collectors.toList()));
            }
        }
    }

    @Test
    void when_split_then_firstCountModPSplitsAreOneLonger() {
        // 10 elements over 4 readers: 3, 3, 2, 2
        assertThat(new NumberSequenceSource(1, 10).createSplits(4)).containsExactly(
                new NumberSequenceSplit("0", 1, 3), new NumberSequenceSplit("1", 4, 6),
                new NumberSequenceSplit("2", 7, 8), new NumberSequenceSplit("3", 9, 10));
        // fewer elements than readers: one split per element, none empty
        assertThat(new NumberSequenceSource(5, 7).createSplits(5)).containsExactly(
                new NumberSequenceSplit("0", 5, 5), new NumberSequenceSplit("1", 6, 6), new NumberSequenceSplit("2", 7, 7));
        // 2^64 elements over 2 readers: two halves
        assertThat(new NumberSequenceSource(Long.MIN_VALUE, Long.MAX_VALUE).createSplits(2)).containsExactly(
                new NumberSequenceSplit("0", Long.MIN_VALUE, -1), new NumberSequenceSplit("1", 0, Long.MAX_VALUE));
    }

    @Test
    void when_readInParallel_then_everyNumberOnce() throws Exception {
        NumberSequenceSource source = TestingSerialization.roundTrip(new NumberSequenceSource(-1000, 20_000));
        for (int p = 1; p <= 4; p++) {
            List<Long> all = new ArrayList<>();
            List<List<NumberSequenceSplit>> assignment = TestingReaders.assignRoundRobin(source.createSplits(p), p);
            for (int i = 0; i < p; i++) {
                List<Long> read = TestingReaders.readAll(TestingReaders.startedReader(source, i, p, assignment.get(i)));
                assertThat(read).isSorted();
                all.addAll(read);
            }
            assertThat(all).containsExactlyElementsOf(LongStream.rangeClosed(-1000, 20_000).boxed().collect(Collectors.toList()));
        }
    }

    @Test
    void when_rangeEndsAtLongMax_then_readerStopsWithoutOverflow() throws Exception {
        NumberSequenceSource source = new NumberSequenceSource(Long.MAX_VALUE - 2, Long.MAX_VALUE);
        List<Long> read = TestingReaders.readAll(TestingReaders.startedReader(source, 0, 1, source.createSplits(1)));
        assertThat(read).containsExactly(Long.MAX_VALUE - 2, Long.MAX_VALUE - 1, Long.MAX_VALUE);
    }

    @Test
    void when_pollNext_then_boundedBatches() throws Exception {
        SequenceReader<Long> reader = new SequenceReader<>(Long::valueOf, 100);
        reader.addSplits(List.of(new NumberSequenceSplit("0", 0, 249)));
        TestingReaderOutput<Long> out = new TestingReaderOutput<>();

        assertThat(reader.pollNext(out)).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(out.records).hasSize(100);
        assertThat(reader.pollNext(out)).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(reader.pollNext(out)).isEqualTo(InputStatus.END_OF_INPUT);
        assertThat(out.records).hasSize(250);
    }

    @Test
    void when_snapshotBetweenPolls_then_restoredReaderEmitsExactlyTheRest() throws Exception {
        List<NumberSequenceSplit> splits = List.of(new NumberSequenceSplit("0", 0, 99), new NumberSequenceSplit("1", 200, 250),
                new NumberSequenceSplit("2", 300, 300));
        List<Long> expected = LongStream.concat(LongStream.concat(LongStream.rangeClosed(0, 99), LongStream.rangeClosed(200, 250)),
                LongStream.of(300)).boxed().collect(Collectors.toList());
        for (int polls = 0; polls <= 8; polls++) {
            SequenceReader<Long> reader = new SequenceReader<>(Long::valueOf, 30);
            reader.addSplits(splits);
            TestingReaderOutput<Long> before = new TestingReaderOutput<>();
            for (int i = 0; i < polls; i++) {
                reader.pollNext(before);
            }

            List<NumberSequenceSplit> snapshot = TestingSerialization.roundTrip(new ArrayList<>(reader.snapshotState(1)));
            List<Long> rest = TestingReaders.readAll(reader);
            SequenceReader<Long> restored = new SequenceReader<>(Long::valueOf, 7);
            restored.addSplits(snapshot);

            assertThat(TestingReaders.readAll(restored)).as("after %s polls", polls).isEqualTo(rest);
            List<Long> whole = new ArrayList<>(before.records);
            whole.addAll(rest);
            assertThat(whole).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void when_snapshotAfterEnd_then_nothingRemains() throws Exception {
        SourceReader<Long, NumberSequenceSplit> reader = TestingReaders.startedReader(
                new NumberSequenceSource(1, 5), 0, 1, List.of(new NumberSequenceSplit("0", 1, 5)));
        TestingReaders.readAll(reader);
        assertThat(reader.snapshotState(3)).isEmpty();
    }

    @Test
    void when_fromAfterTo_then_rejected() {
        assertThatThrownBy(() -> new NumberSequenceSource(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
