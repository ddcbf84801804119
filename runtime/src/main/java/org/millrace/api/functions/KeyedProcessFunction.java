package org.millrace.api.functions;

import org.millrace.api.util.Collector;
import org.millrace.api.util.OutputTag;

/**
 * A per-record function on a keyed stream: like {@link ProcessFunction}, plus the current key and
 * timers scoped to it ({@link #onTimer} runs with the timer's key as the current key). Called from
 * the task's thread.
 */
public abstract class KeyedProcessFunction<K, I, O> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /** Called when a timer registered through {@link Context#timerService()} fires. */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

    /** What {@link #processElement} knows about the current record. */
    public abstract class Context {

        /** The record's event-time timestamp, or null if it has none. */
        public abstract Long timestamp();

        public abstract TimerService timerService();

        /** Emits {@code value} to the side output {@code outputTag}. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);

        /** The key of the record being processed. */
        public abstract K getCurrentKey();
    }

    /** What {@link #onTimer} knows about the timer that fired. */
    public abstract class OnTimerContext extends Context {

        public abstract TimeDomain timeDomain();

        /** The key the timer was registered for. */
        @Override
        public abstract K getCurrentKey();
    }
}
