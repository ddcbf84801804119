package org.millrace.task.operators;

import org.millrace.api.functions.RuntimeContext;
import org.millrace.api.sink.Sink;
import org.millrace.api.sink.SinkWriter;
import org.millrace.api.sink.WriterInitContext;

/** Hands each record to the {@link SinkWriter} of this subtask; flushes it at end of input. */
public final class StreamSink<T> extends AbstractStreamOperator<Object> implements OneInputStreamOperator<T, Object> {

    private static final long serialVersionUID = 1L;

    private final Sink<T> sink;
    private transient SinkWriter<T> writer;
    private transient RecordContext recordContext;

    public StreamSink(Sink<T> sink) {
        this.sink = sink;
    }

    public Sink<T> getSink() {
        return sink;
    }

    @Override
    public void open() throws Exception {
        RuntimeContext rc = context.getRuntimeContext();
        writer = sink.createWriter(new WriterInitContext() {
            @Override
            public int getIndexOfSubtask() {
                return rc.getTaskInfo().getIndexOfThisSubtask();
            }

            @Override
            public int getParallelism() {
                return rc.getTaskInfo().getNumberOfParallelSubtasks();
            }

            @Override
            public RuntimeContext getRuntimeContext() {
                return rc;
            }
        });
        recordContext = new RecordContext();
    }

    @Override
    public void processElement(T value, long timestamp) throws Exception {
        recordContext.timestamp = timestamp;
        writer.write(value, recordContext);
    }

    @Override
    public void processWatermark(long watermark) {
        recordContext.watermark = watermark;
    }

    @Override
    public void finish() throws Exception {
        writer.flush(true);
    }

    @Override
    public void close() throws Exception {
        if (writer != null) {
            writer.close();
        }
    }

    /** The per-record context, reused for every record. */
    private static final class RecordContext implements SinkWriter.Context {
        long timestamp = Output.NO_TIMESTAMP;
        long watermark = Long.MIN_VALUE;

        @Override
        public long currentWatermark() {
            return watermark;
        }

        @Override
        public Long timestamp() {
            return timestamp == Output.NO_TIMESTAMP ? null : timestamp;
        }
    }
}
