package org.millrace.task.operators;

import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.api.functions.KeySelector;
import org.millrace.api.functions.RuntimeContext;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.state.DefaultKeyedStateStore;
import org.millrace.state.KeyedStateBackend;
import org.millrace.api.functions.KeyedProcessFunction;
import org.millrace.api.functions.TimeDomain;
import org.millrace.api.functions.TimerService;
import org.millrace.api.util.OutputTag;

/**
 * Runs a {@link KeyedProcessFunction}: sets the current key for each record, and fires the
 * function's timers with their key as the current key. Task thread only.
 */
public final class KeyedProcessOperator<K, I, O> extends AbstractUdfStreamOperator<O, KeyedProcessFunction<K, I, O>>
        implements OneInputStreamOperator<I, O>, InternalTimerService.Triggerable<K> {

    private static final long serialVersionUID = 1L;

    private final KeySelector<I, K> keySelector;
    private final TypeInformation<K> keyType;
    /** Null when the key type is unknown; asking for state then explains how to declare it. */
    private transient KeyedStateBackend<K> stateBackend;
    private transient TimestampedCollector<O> collector;
    private transient InternalTimerService<K> timers;
    /** Null when the key type is unknown. */
    private transient TypeSerializer<K> keySerializer;
    private transient ContextImpl processContext;
    private transient K currentKey;

    public KeyedProcessOperator(KeyedProcessFunction<K, I, O> function, KeySelector<I, K> keySelector, TypeInformation<K> keyType) {
        super(function);
        this.keySelector = keySelector;
        this.keyType = keyType;
    }

    @Override
    protected RuntimeContext functionRuntimeContext() throws Exception {
        if (keyType == null) {
            return context.getRuntimeContext();
        }
        stateBackend = context.createKeyedStateBackend(keyType);
        return new KeyedStateRuntimeContext(context.getRuntimeContext(), new DefaultKeyedStateStore(stateBackend));
    }

    @Override
    public void open() throws Exception {
        super.open();
        collector = new TimestampedCollector<>(output);
        timers = new InternalTimerService<>(context.getProcessingTimeService(), this);
        if (keyType != null) {
            keySerializer = keyType.createSerializer();
            TimerCheckpointing.restore(context, timers, keySerializer, null);
        }
        processContext = new ContextImpl(userFunction);
    }

    @Override
    public void snapshotState(StateSnapshotContext snapshot) throws Exception {
        if (keySerializer != null) {
            TimerCheckpointing.snapshot(snapshot, timers, keySerializer, null);
        } else if (timers.numberOfEventTimeTimers() + timers.numberOfProcessingTimeTimers() > 0) {
            throw new IllegalStateException("Operator '" + context.getOperatorName() + "' cannot checkpoint its timers:"
                    + " its key type is unknown; give it with keyBy(selector, Types...)");
        }
    }

    @Override
    public void processElement(I value, long timestamp) throws Exception {
        setCurrentKey(keySelector.getKey(value));
        collector.setTimestamp(timestamp);
        processContext.timestamp = timestamp;
        userFunction.processElement(value, processContext, collector);
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        timers.advanceWatermark(watermark);
        super.processWatermark(watermark);
    }

    @Override
    public void onEventTime(InternalTimerService.Timer<K> timer) throws Exception {
        fire(timer, TimeDomain.EVENT_TIME, timer.timestamp());
    }

    @Override
    public void onProcessingTime(InternalTimerService.Timer<K> timer) throws Exception {
        fire(timer, TimeDomain.PROCESSING_TIME, Output.NO_TIMESTAMP);
    }

    private void fire(InternalTimerService.Timer<K> timer, TimeDomain domain, long outputTimestamp) throws Exception {
        setCurrentKey(timer.key());
        collector.setTimestamp(outputTimestamp);
        processContext.timestamp = outputTimestamp;
        processContext.domain = domain;
        userFunction.onTimer(timer.timestamp(), processContext, collector);
    }

    private void setCurrentKey(K key) {
        currentKey = key;
        if (stateBackend != null) {
            stateBackend.setCurrentKey(key);
        }
    }

    @Override
    public void close() throws Exception {
        if (timers != null) {
            timers.close();
        }
        try {
            super.close();
        } finally {
            if (stateBackend != null) {
                stateBackend.close();
            }
        }
    }

    /** Timer access scoped to the current key. */
    private final class KeyedTimers implements TimerService {
        @Override
        public long currentProcessingTime() {
            return timers.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return timers.currentWatermark();
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            timers.registerProcessingTimeTimer(currentKey, time);
        }

        @Override
        public void registerEventTimeTimer(long time) {
            timers.registerEventTimeTimer(currentKey, time);
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            timers.deleteProcessingTimeTimer(currentKey, time);
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            timers.deleteEventTimeTimer(currentKey, time);
        }
    }

    /**
     * The one context object handed to the function, for records (as a Context) and timers (as an
     * OnTimerContext): it points at the current timestamp, key and, for timers, the time domain.
     */
    private final class ContextImpl extends KeyedProcessFunction<K, I, O>.OnTimerContext {
        final TimerService timerService = new KeyedTimers();
        long timestamp = Output.NO_TIMESTAMP;
        TimeDomain domain;

        ContextImpl(KeyedProcessFunction<K, I, O> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return timestamp == Output.NO_TIMESTAMP ? null : timestamp;
        }

        @Override
        public TimerService timerService() {
            return timerService;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            output.collect(outputTag, value, timestamp);
        }

        @Override
        public TimeDomain timeDomain() {
            return domain;
        }

        @Override
        public K getCurrentKey() {
            return currentKey;
        }
    }
}
