package org.millrace.api.sink;

/** A sink that drops every record: for benchmarks and for pipelines run only for their side effects. */
public class DiscardingSink<IN> implements Sink<IN> {

    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<IN> createWriter(WriterInitContext context) {
        return new DiscardingWriter<>();
    }

    @Override
    public String toString() {
        return "DiscardingSink";
    }

    /** Does nothing; called from the sink task's thread. */
    private static final class DiscardingWriter<IN> implements SinkWriter<IN> {

        @Override
        public void write(IN element, Context context) {}

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
    }
}
