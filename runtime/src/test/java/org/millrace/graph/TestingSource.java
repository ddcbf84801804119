package org.millrace.graph;

import java.util.ArrayList;
import java.util.List;
import org.millrace.api.source.InputStatus;
import org.millrace.api.source.ReaderOutput;
import org.millrace.api.source.Source;
import org.millrace.api.source.SourceReader;
import org.millrace.api.source.SourceReaderContext;
import org.millrace.api.source.SourceSplit;

/** A source of {@code splits} splits, each emitting its own index once; enough for graph tests. */
public final class TestingSource implements Source<Long, TestingSource.Split> {
    private static final long serialVersionUID = 1L;

    private final int splits;

    public TestingSource(int splits) {
        this.splits = splits;
    }

    /** A split identified by its index. */
    public record Split(int index) implements SourceSplit {
        @Override
        public String splitId() {
            return Integer.toString(index);
        }
    }

    @Override
    public List<Split> createSplits(int parallelism) {
        List<Split> list = new ArrayList<>();
        for (int i = 0; i < splits; i++) {
            list.add(new Split(i));
        }
        return list;
    }

    @Override
    public SourceReader<Long, Split> createReader(SourceReaderContext context) {
        return new SourceReader<>() {
            private final List<Split> pending = new ArrayList<>();

            @Override
            public void addSplits(List<Split> s) {
                pending.addAll(s);
            }

            @Override
            public InputStatus pollNext(ReaderOutput<Long> output) {
                if (pending.isEmpty()) {
                    return InputStatus.END_OF_INPUT;
                }
                output.collect((long) pending.remove(0).index());
                return pending.isEmpty() ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
            }

            @Override
            public List<Split> snapshotState(long checkpointId) {
                return List.copyOf(pending);
            }
        };
    }
}
