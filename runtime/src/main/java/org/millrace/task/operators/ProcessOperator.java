package org.millrace.task.operators;

import org.millrace.api.functions.ProcessFunction;
import org.millrace.api.functions.TimerService;
import org.millrace.api.util.OutputTag;

/**
 * Runs a {@link ProcessFunction} on a non-keyed stream: one reusable context per operator that
 * exposes the current record's timestamp, the time, and side outputs. Timers need a keyed stream.
 */
public final class ProcessOperator<I, O> extends AbstractUdfStreamOperator<O, ProcessFunction<I, O>>
        implements OneInputStreamOperator<I, O> {

    private static final long serialVersionUID = 1L;

    private transient TimestampedCollector<O> collector;
    private transient ContextImpl processContext;
    private transient long currentWatermark;

    public ProcessOperator(ProcessFunction<I, O> function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        super.open();
        collector = new TimestampedCollector<>(output);
        processContext = new ContextImpl(userFunction);
        currentWatermark = Long.MIN_VALUE;
    }

    @Override
    public void processElement(I value, long timestamp) throws Exception {
        if (keyContext != null) {
            keyContext.setCurrentKeyOf(value);
        }
        collector.setTimestamp(timestamp);
        processContext.timestamp = timestamp;
        userFunction.processElement(value, processContext, collector);
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        currentWatermark = watermark;
        super.processWatermark(watermark);
    }

    /** The context handed to the function for every record. */
    private final class ContextImpl extends ProcessFunction<I, O>.Context implements TimerService {
        long timestamp = Output.NO_TIMESTAMP;

        ContextImpl(ProcessFunction<I, O> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return timestamp == Output.NO_TIMESTAMP ? null : timestamp;
        }

        @Override
        public TimerService timerService() {
            return this;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            if (outputTag == null) {
                throw new IllegalArgumentException("The OutputTag must not be null");
            }
            output.collect(outputTag, value, timestamp);
        }

        @Override
        public long currentProcessingTime() {
            return context.getProcessingTimeService().getCurrentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return currentWatermark;
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            throw new UnsupportedOperationException(UNSUPPORTED_REGISTER_TIMER_MSG);
        }

        @Override
        public void registerEventTimeTimer(long time) {
            throw new UnsupportedOperationException(UNSUPPORTED_REGISTER_TIMER_MSG);
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            throw new UnsupportedOperationException(UNSUPPORTED_DELETE_TIMER_MSG);
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            throw new UnsupportedOperationException(UNSUPPORTED_DELETE_TIMER_MSG);
        }
    }
}
