package org.millrace.api.source.lib;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.millrace.api.source.Source;
import org.millrace.api.source.SourceReader;
import org.millrace.api.source.SourceReaderContext;
import org.millrace.api.source.SourceSplit;

/**
 * A bounded source of the longs {@code from} to {@code to}, both inclusive ({@code fromSequence}).
 * The range is cut into one contiguous split per parallel reader, the first {@code count % p}
 * splits one longer than the rest; readers emit their ranges in ascending order.
 *
 * <p>Created on the client; the splits and readers are created in the tasks. The produced type is
 * {@code Long} (the environment attaches its type information).
 */
public final class NumberSequenceSource implements Source<Long, NumberSequenceSource.NumberSequenceSplit> {

    private static final long serialVersionUID = 1L;

    private final long from;
    private final long to;

    public NumberSequenceSource(long from, long to) {
        if (from > to) {
            throw new IllegalArgumentException("'from' must be <= 'to', got from=" + from + ", to=" + to);
        }
        this.from = from;
        this.to = to;
    }

    public long getFrom() {
        return from;
    }

    public long getTo() {
        return to;
    }

    @Override
    public List<NumberSequenceSplit> createSplits(int parallelism) {
        return splitNumberRange(from, to, parallelism);
    }

    @Override
    public SourceReader<Long, NumberSequenceSplit> createReader(SourceReaderContext context) {
        return new SequenceReader<>(Long::valueOf, SequenceReader.DEFAULT_BATCH_SIZE);
    }

    /**
     * Cuts [from, to] into {@code numSplits} contiguous ranges in ascending order, the first
     * {@code count % numSplits} one element longer; empty ranges (when the range has fewer elements
     * than splits) are left out. Split ids are "0", "1", ... in that order.
     */
    static List<NumberSequenceSplit> splitNumberRange(long from, long to, int numSplits) {
        if (numSplits < 1) {
            throw new IllegalArgumentException("number of splits must be positive, got " + numSplits);
        }
        // [Long.MIN_VALUE, Long.MAX_VALUE] has 2^64 elements: count in BigInteger, once per job.
        BigInteger count = BigInteger.valueOf(to).subtract(BigInteger.valueOf(from)).add(BigInteger.ONE);
        BigInteger[] quotientAndRemainder = count.divideAndRemainder(BigInteger.valueOf(numSplits));
        BigInteger base = quotientAndRemainder[0];
        int longer = quotientAndRemainder[1].intValueExact();
        List<NumberSequenceSplit> splits = new ArrayList<>(numSplits);
        long start = from;
        for (int i = 0; i < numSplits; i++) {
            BigInteger length = i < longer ? base.add(BigInteger.ONE) : base;
            if (length.signum() == 0) {
                break;
            }
            // length - 1 fits in 64 unsigned bits; the wrapping addition lands on the true end (<= to).
            long end = start + length.subtract(BigInteger.ONE).longValue();
            splits.add(new NumberSequenceSplit(String.valueOf(splits.size()), start, end));
            if (end == to) {
                break;
            }
            start = end + 1;
        }
        return splits;
    }

    @Override
    public String toString() {
        return "NumberSequenceSource[" + from + ", " + to + "]";
    }

    /**
     * A contiguous range [from, to] of a sequence, inclusive; {@code from} is the next value to emit,
     * so a snapshot is the same split with a larger {@code from}. An immutable value.
     */
    public static final class NumberSequenceSplit implements SourceSplit {

        private static final long serialVersionUID = 1L;

        private final String splitId;
        private final long from;
        private final long to;

        public NumberSequenceSplit(String splitId, long from, long to) {
            if (from > to) {
                throw new IllegalArgumentException("'from' must be <= 'to', got from=" + from + ", to=" + to);
            }
            this.splitId = Objects.requireNonNull(splitId);
            this.from = from;
            this.to = to;
        }

        @Override
        public String splitId() {
            return splitId;
        }

        /** The next value to emit. */
        public long from() {
            return from;
        }

        /** The last value to emit. */
        public long to() {
            return to;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof NumberSequenceSplit)) {
                return false;
            }
            NumberSequenceSplit other = (NumberSequenceSplit) o;
            return splitId.equals(other.splitId) && from == other.from && to == other.to;
        }

        @Override
        public int hashCode() {
            return Objects.hash(splitId, from, to);
        }

        @Override
        public String toString() {
            return "NumberSequenceSplit{" + splitId + ": [" + from + ", " + to + "]}";
        }
    }
}
