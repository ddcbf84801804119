package org.millrace.api.functions;

import org.millrace.api.util.Collector;
import org.millrace.api.util.OutputTag;

/**
 * The most general per-record function: sees each record with its timestamp, may emit any number
 * of records to the main output and to side outputs, and can read time. Called from the task's
 * thread.
 */
public abstract class ProcessFunction<I, O> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /** Called when a timer fires (timers exist on keyed streams only). */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

    /** What {@link #processElement} knows about the current record. */
    public abstract class Context {

        /** The record's event-time timestamp, or null if it has none. */
        public abstract Long timestamp();

        public abstract TimerService timerService();

        /** Emits {@code value} to the side output {@code outputTag}. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }

    /** What {@link #onTimer} knows about the timer that fired. */
    public abstract class OnTimerContext extends Context {

        public abstract TimeDomain timeDomain();
    }
}
