package org.millrace.api.source;

import org.millrace.api.functions.RuntimeContext;

/** The reader context of subtask {@code index} of {@code parallelism}, for tests. */
public final class TestingSourceReaderContext implements SourceReaderContext {

    private final int index;
    private final int parallelism;
    private final TestingRuntimeContext runtimeContext;

    public TestingSourceReaderContext(int index, int parallelism) {
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
}
