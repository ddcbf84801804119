package org.millrace.api.source.lib;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.millrace.api.source.InputStatus;
import org.millrace.api.source.ReaderOutput;
import org.millrace.api.source.SourceReader;
import org.millrace.api.source.lib.NumberSequenceSource.NumberSequenceSplit;

/**
 * Reads {@link NumberSequenceSplit}s one after the other, turning each index into a record with an
 * {@link IndexMapper} (the boxed index for {@link NumberSequenceSource}, the generator function for
 * {@link DataGeneratorSource}). Called only from the source task's thread.
 */
class SequenceReader<OUT> implements SourceReader<OUT, NumberSequenceSplit> {

    static final int DEFAULT_BATCH_SIZE = 4096;

    /** Turns a sequence index into a record. */
    @FunctionalInterface
    interface IndexMapper<OUT> {
        OUT map(long index) throws Exception;
    }

    private final IndexMapper<OUT> mapper;
    private final int batchSize;

    /** Splits not started yet, in the order they were added. */
    private final ArrayDeque<NumberSequenceSplit> pending = new ArrayDeque<>();

    /** The split being read, or null between splits. */
    private NumberSequenceSplit current;

    /** The next index of {@link #current} to emit. */
    private long next;

    SequenceReader(IndexMapper<OUT> mapper, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.mapper = mapper;
        this.batchSize = batchSize;
    }

    @Override
    public void addSplits(List<NumberSequenceSplit> splits) {
        pending.addAll(splits);
    }

    @Override
    public InputStatus pollNext(ReaderOutput<OUT> output) throws Exception {
        int budget = batchSize;
        while (budget > 0) {
            if (current == null) {
                current = pending.poll();
                if (current == null) {
                    return InputStatus.END_OF_INPUT;
                }
                next = current.from();
            }
            long to = current.to();
            // next is advanced only after the record is out, so a snapshot never skips a value
            while (budget > 0) {
                output.collect(mapper.map(next));
                budget--;
                if (next == to) {
                    current = null;
                    break;
                }
                next++;
            }
        }
        return current == null && pending.isEmpty() ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
    }

    @Override
    public List<NumberSequenceSplit> snapshotState(long checkpointId) {
        List<NumberSequenceSplit> remaining = new ArrayList<>(pending.size() + 1);
        if (current != null) {
            remaining.add(new NumberSequenceSplit(current.splitId(), next, current.to()));
        }
        remaining.addAll(pending);
        return remaining;
    }
}
