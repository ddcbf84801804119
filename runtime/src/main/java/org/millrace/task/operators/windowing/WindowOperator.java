package org.millrace.task.operators.windowing;

import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.task.operators.StateSnapshotContext;
import org.millrace.task.operators.TimerCheckpointing;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.millrace.api.functions.KeySelector;
import org.millrace.api.functions.ProcessWindowFunction;
import org.millrace.api.state.KeyedStateStore;
import org.millrace.api.state.MapState;
import org.millrace.api.state.MapStateDescriptor;
import org.millrace.api.typeinfo.InvalidTypesException;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.util.OutputTag;
import org.millrace.api.windowing.Window;
import org.millrace.api.windowing.WindowAssigner;
import org.millrace.state.DefaultKeyedStateStore;
import org.millrace.state.KeyedStateBackend;
import org.millrace.task.operators.AbstractStreamOperator;
import org.millrace.task.operators.InternalTimerService;
import org.millrace.task.operators.OneInputStreamOperator;
import org.millrace.task.operators.Output;
import org.millrace.task.operators.TimestampedCollector;

/**
 * Keyed windows: assigns each record to its windows, folds it into the (key, window) contents kept
 * in a MapState of the configured state backend, and emits a window's result when its end passes
 * (the watermark for event time, the clock for processing time). Records later than the allowed
 * lateness go to the late-data side output, or are dropped. A record arriving within the allowed
 * lateness fires its window again. Session windows merge when they overlap. Task thread only.
 */
public final class WindowOperator<K, IN, ACC, OUT, W extends Window> extends AbstractStreamOperator<OUT>
        implements OneInputStreamOperator<IN, OUT>, InternalTimerService.Triggerable<K> {

    private static final long serialVersionUID = 1L;

    private final KeySelector<IN, K> keySelector;
    private final TypeInformation<K> keyType;
    private final WindowAssigner<? super IN, W> assigner;
    private final WindowContents<IN, ACC, OUT, K, W> contents;
    private final long allowedLateness;
    private final OutputTag<IN> lateDataTag;

    private transient KeyedStateBackend<K> backend;
    private transient MapState<W, ACC> windows;
    private transient InternalTimerService<K> timers;
    private transient TypeSerializer<K> keySerializer;
    private transient TypeSerializer<Object> windowSerializer;
    private transient TimestampedCollector<OUT> collector;
    private transient WindowContext windowContext;
    /** Per-window state of the process window function; null without one. */
    private transient WindowStateStore<W> windowState;
    private transient DefaultKeyedStateStore globalState;
    private transient K currentKey;

    public WindowOperator(
            KeySelector<IN, K> keySelector,
            TypeInformation<K> keyType,
            WindowAssigner<? super IN, W> assigner,
            WindowContents<IN, ACC, OUT, K, W> contents,
            long allowedLateness,
            OutputTag<IN> lateDataTag) {
        this.keySelector = keySelector;
        this.keyType = keyType;
        this.assigner = assigner;
        this.contents = contents;
        this.allowedLateness = allowedLateness;
        this.lateDataTag = lateDataTag;
    }

    @Override
    public void snapshotState(StateSnapshotContext snapshot) throws Exception {
        TimerCheckpointing.snapshot(snapshot, timers, keySerializer, windowSerializer);
    }

    @Override
    public void open() throws Exception {
        if (keyType == null) {
            throw new InvalidTypesException("The key type of window operator '" + context.getOperatorName()
                    + "' is unknown: give it with keyBy(selector, Types...)");
        }
        backend = context.createKeyedStateBackend(keyType);
        DefaultKeyedStateStore store = new DefaultKeyedStateStore(backend);
        windows = store.getMapState(new MapStateDescriptor<>("window-contents", assigner.getWindowType(), contents.accumulatorType()));
        timers = new InternalTimerService<>(context.getProcessingTimeService(), this);
        keySerializer = keyType.createSerializer();
        windowSerializer = (TypeSerializer<Object>) (TypeSerializer<?>) assigner.getWindowType().createSerializer();
        TimerCheckpointing.restore(context, timers, keySerializer, windowSerializer);
        collector = new TimestampedCollector<>(output);
        ProcessWindowFunction<?, OUT, K, W> function = contents.windowFunction();
        windowContext = function == null ? null : new WindowContext(function);
        if (function != null) {
            globalState = store;
            windowState = new WindowStateStore<>(store, assigner.getWindowType());
        }
        contents.open(context.getRuntimeContext());
    }

    @Override
    public void processElement(IN value, long timestamp) throws Exception {
        setCurrentKey(keySelector.getKey(value));
        long time;
        if (assigner.isEventTime()) {
            if (timestamp == Output.NO_TIMESTAMP) {
                throw new IllegalStateException("Record " + value + " has no timestamp: event-time windows need a"
                        + " WatermarkStrategy that assigns timestamps (in fromSource or assignTimestampsAndWatermarks)");
            }
            time = timestamp;
        } else {
            time = timers.currentProcessingTime();
        }
        boolean placed = false;
        for (W assigned : assigner.assignWindows(value, time)) {
            W window = assigner.isMerging() ? mergeWithExisting(assigned) : assigned;
            if (isLate(window)) {
                continue;
            }
            placed = true;
            ACC existing = windows.get(window);
            ACC acc = contents.add(existing, value);
            windows.put(window, acc);
            if (existing == null || assigner.isMerging()) {
                // a window's timers are registered when it is created (or re-created by a merge) and
                // stay until it is cleaned up: no timer work for the other records of the window
                registerTimers(window);
            }
            if (assigner.isEventTime() && window.maxTimestamp() <= timers.currentWatermark()) {
                emit(window, acc); // a late record within the allowed lateness fires its window again
            }
        }
        if (!placed && lateDataTag != null) {
            output.collect(lateDataTag, value, timestamp);
        }
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        timers.advanceWatermark(watermark);
        super.processWatermark(watermark);
    }

    /** A window's timer: at its end it fires; at its end plus the allowed lateness it is dropped. */
    @Override
    @SuppressWarnings("unchecked")
    public void onEventTime(InternalTimerService.Timer<K> timer) throws Exception {
        setCurrentKey(timer.key());
        W window = (W) timer.namespace();
        ACC acc = windows.get(window);
        if (acc == null) {
            return; // merged away or already dropped
        }
        if (window.maxTimestamp() == timer.timestamp()) {
            emit(window, acc);
        }
        if (cleanupTime(window) <= timer.timestamp()) {
            purge(window);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onProcessingTime(InternalTimerService.Timer<K> timer) throws Exception {
        setCurrentKey(timer.key());
        W window = (W) timer.namespace();
        ACC acc = windows.get(window);
        if (acc != null) {
            emit(window, acc);
            purge(window);
        }
    }

    /** At the end of a bounded input, processing-time windows fire too (event-time ones fired on the final watermark). */
    @Override
    public void finish() throws Exception {
        timers.fireAllProcessingTimeTimers();
    }

    @Override
    public void close() throws Exception {
        try {
            contents.close();
        } finally {
            if (timers != null) {
                timers.close();
            }
            if (backend != null) {
                backend.close();
            }
        }
    }

    private void setCurrentKey(K key) {
        currentKey = key;
        backend.setCurrentKey(key);
    }

    private List<W> windowsOfCurrentKey() throws Exception {
        List<W> list = new ArrayList<>();
        for (W w : windows.keys()) {
            list.add(w);
        }
        return list;
    }

    private boolean isLate(W window) {
        return assigner.isEventTime() && cleanupTime(window) <= timers.currentWatermark();
    }

    private long cleanupTime(W window) {
        long t = window.maxTimestamp() + allowedLateness;
        return t < window.maxTimestamp() ? Long.MAX_VALUE : t;
    }

    private void registerTimers(W window) {
        if (assigner.isEventTime()) {
            if (window.maxTimestamp() > timers.currentWatermark()) {
                // (a window whose end already passed fires right away in processElement instead)
                timers.registerEventTimeTimer(currentKey, window, window.maxTimestamp());
            }
            if (allowedLateness > 0) {
                timers.registerEventTimeTimer(currentKey, window, cleanupTime(window));
            }
        } else {
            timers.registerProcessingTimeTimer(currentKey, window, window.maxTimestamp());
        }
    }

    /**
     * Merges {@code window} with the current key's windows it overlaps (session windows): their
     * contents are combined into one window covering them all, which is returned.
     */
    @SuppressWarnings("unchecked")
    private W mergeWithExisting(W window) throws Exception {
        W merged = window;
        ACC mergedContents = null;
        List<W> absorbed = new ArrayList<>();
        for (W existing : windowsOfCurrentKey()) {
            if (intersects(existing, merged)) {
                absorbed.add(existing);
                merged = (W) ((org.millrace.api.windowing.TimeWindow) merged).cover((org.millrace.api.windowing.TimeWindow) existing);
            }
        }
        if (absorbed.isEmpty()) {
            return window;
        }
        for (W old : absorbed) {
            ACC acc = windows.get(old);
            mergedContents = mergedContents == null ? acc : contents.merge(mergedContents, acc);
            windows.remove(old);
            if (assigner.isEventTime()) {
                timers.deleteEventTimeTimer(currentKey, old, old.maxTimestamp());
                timers.deleteEventTimeTimer(currentKey, old, cleanupTime(old));
            } else {
                timers.deleteProcessingTimeTimer(currentKey, old, old.maxTimestamp());
            }
        }
        windows.put(merged, mergedContents);
        return merged;
    }

    private static boolean intersects(Window a, Window b) {
        return a instanceof org.millrace.api.windowing.TimeWindow ta
                && b instanceof org.millrace.api.windowing.TimeWindow tb
                && ta.intersects(tb);
    }

    private void emit(W window, ACC acc) throws Exception {
        collector.setTimestamp(window.maxTimestamp());
        if (windowContext != null) {
            pointContextAt(window);
        }
        contents.emit(currentKey, windowContext, acc, collector);
    }

    /**
     * Drops a window of the current key for good: its contents, and what the process window
     * function kept for it (after the function's own {@code clear}, which may still read it).
     */
    @SuppressWarnings("unchecked")
    private void purge(W window) throws Exception {
        windows.remove(window);
        if (windowContext != null) {
            pointContextAt(window);
            ((ProcessWindowFunction<Object, OUT, K, W>) contents.windowFunction()).clear(windowContext);
            windowState.clearWindow(window);
        }
    }

    private void pointContextAt(W window) {
        windowContext.window = window;
        windowState.setWindow(window);
    }

    /** The context handed to a ProcessWindowFunction, pointed at the window being emitted. */
    private final class WindowContext extends ProcessWindowFunction<Object, OUT, K, W>.Context {
        W window;

        @SuppressWarnings({"unchecked", "rawtypes"})
        WindowContext(ProcessWindowFunction<?, OUT, K, W> function) {
            ((ProcessWindowFunction) function).super();
        }

        @Override
        public W window() {
            return window;
        }

        @Override
        public long currentProcessingTime() {
            return timers.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return timers.currentWatermark();
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            output.collect(outputTag, value, window.maxTimestamp());
        }

        @Override
        public KeyedStateStore windowState() {
            if (assigner.isMerging()) {
                throw new UnsupportedOperationException("Per-window state is not available with merging (session)"
                        + " windows: a merged window's state could not be told apart; use globalState() instead");
            }
            return windowState;
        }

        @Override
        public KeyedStateStore globalState() {
            return globalState;
        }
    }
}
