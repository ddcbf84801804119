package org.millrace.api.functions;

import org.millrace.api.state.KeyedStateStore;
import org.millrace.api.util.Collector;
import org.millrace.api.util.OutputTag;
import org.millrace.api.windowing.Window;

/**
 * Computes the results of one window of one key from all its records (or from the single
 * pre-aggregated value when combined with a reduce or aggregate function). Called from the task's
 * thread when the window fires.
 */
public abstract class ProcessWindowFunction<IN, OUT, KEY, W extends Window> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    public abstract void process(KEY key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /**
     * Called when a window is purged (its end plus the allowed lateness has passed), with the
     * context pointed at that window: the place to clean up what {@link Context#windowState()}
     * kept for it. Whatever per-window state is left afterwards is dropped by Millrace anyway,
     * since no later call can reach it.
     */
    public void clear(Context context) throws Exception {}

    /** What the function knows about the window that fired. */
    public abstract class Context {

        public abstract W window();

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();

        /** Emits {@code value} to the side output {@code outputTag}. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);

        /**
         * State scoped to the current key and this window, kept across firings of the window (a
         * window fires again for each late record within the allowed lateness) and dropped when
         * the window is purged. Not available with merging (session) windows, as in Flink.
         */
        public abstract KeyedStateStore windowState();

        /** State scoped to the current key only, shared by all windows of the key. */
        public abstract KeyedStateStore globalState();
    }
}
