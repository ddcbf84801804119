package org.millrace.api.sink;

import org.millrace.api.functions.RuntimeContext;
import org.millrace.api.source.TestingRuntimeContext;

/** The writer context of subtask {@code index} of {@code parallelism}, for tests. */
public final class TestingWriterInitContext implements WriterInitContext {

    private final int index;
    private final int parallelism;
    private final TestingRuntimeContext runtimeContext;

    public TestingWriterInitContext(int index, int parallelism) {
        this.index = index;
        this.parallelism = parallelism;
        this.runtimeContext = new TestingRuntimeContext(index, parallelism);
    }

    @Override
    public int getIndexOfSubtask() {
        return index;
    }

    @Override
    public int getParallelism() {
        return parallelism;
    }

    @Override
    public RuntimeContext getRuntimeContext() {
        return runtimeContext;
    }

    /** A record context without timestamp, for {@link SinkWriter#write}. */
    public static final SinkWriter.Context NO_TIMESTAMP = new SinkWriter.Context() {
        @Override
        public long currentWatermark() {
            return Long.MIN_VALUE;
        }

        @Override
        public Long timestamp() {
            return null;
        }
    };
}
