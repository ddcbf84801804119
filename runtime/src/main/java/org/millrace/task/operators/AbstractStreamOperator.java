package org.millrace.task.operators;

/**
 * Base of the built-in operators: keeps the context and output, forwards watermarks, and tracks
 * the timestamp of the record being processed so functions that emit through a
 * {@link org.millrace.api.util.Collector} keep it. Used from the task's thread only.
 */
public abstract class AbstractStreamOperator<OUT> implements StreamOperator<OUT> {

    private static final long serialVersionUID = 1L;

    protected transient OperatorContext context;
    protected transient Output<OUT> output;

    @Override
    public void setup(OperatorContext context, Output<OUT> output) {
        this.context = context;
        this.output = output;
    }

    @Override
    public void open() throws Exception {}

    @Override
    public void close() throws Exception {}

    public void processWatermark(long watermark) throws Exception {
        output.emitWatermark(watermark);
    }
}
